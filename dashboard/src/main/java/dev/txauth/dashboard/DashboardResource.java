package dev.txauth.dashboard;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.keycloak.headers.SecurityHeadersProvider;
import org.keycloak.models.KeycloakSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

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
        // Relative script URLs in index.html resolve against the directory, so the page lives at ".../".
        if (!uri.getRequestUri().getPath().endsWith("/")) {
            return Response.status(Response.Status.MOVED_PERMANENTLY)
                    .location(uri.getRequestUriBuilder().replacePath(uri.getRequestUri().getPath() + "/").build())
                    .build();
        }
        return file(DashboardFiles.INDEX);
    }

    @GET
    @Path("{name: .+}")
    public Response file(@PathParam("name") String name) {
        String type = DashboardFiles.typeOf(name).orElse(null);
        if (type == null) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        byte[] body;
        try (InputStream in = DashboardResource.class.getResourceAsStream(DashboardFiles.ROOT + name)) {
            if (in == null) {
                return Response.status(Response.Status.NOT_FOUND).build();
            }
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Keycloak's realm-wide headers carry a CSP without script-src; this page sends the whole set itself.
        SecurityHeadersProvider headers = session.getProvider(SecurityHeadersProvider.class);
        if (headers != null) {
            headers.options().skipHeaders();
        }
        return Response.ok(body, type)
                .header("Content-Security-Policy", DashboardFiles.CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .header("X-Robots-Tag", "none")
                .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
                // The page reads codes from its URL: never cache it; the scripts are versioned with the jar.
                .header("Cache-Control", DashboardFiles.INDEX.equals(name) ? "no-store" : "no-cache")
                .build();
    }
}
