package dev.txauth.dashboard;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.keycloak.models.KeycloakSession;

/**
 * {@code /realms/{realm}/txauth-dashboard/}: the static page and its scripts (docs/api.md §12). It serves files only;
 * every datum comes from Keycloak's admin REST, called by the page with the signed-in administrator's own token, so
 * this resource needs no authorisation of its own and holds no data.
 */
public class DashboardResource {

    private final KeycloakSession session;

    DashboardResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Path("")
    public Response index(@Context UriInfo uri) {
        return DashboardFiles.PAGE.index(session, uri);
    }

    @GET
    @Path("{name: .+}")
    public Response file(@PathParam("name") String name) {
        return DashboardFiles.PAGE.file(session, name);
    }
}
