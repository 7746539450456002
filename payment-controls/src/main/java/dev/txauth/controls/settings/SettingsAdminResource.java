package dev.txauth.controls.settings;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.common.Profile;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/**
 * {@code /admin/realms/{realm}/txauth-settings} (docs/api.md §8): every txauth realm setting as one JSON object.
 * Reading needs view-realm, changing manage-realm, like Keycloak's own realm settings. A change is all or nothing and
 * is recorded as an admin event ({@code ADMIN_UPDATE_TXAUTH_SETTINGS} in the audit trail, docs/api.md §7).
 */
public class SettingsAdminResource {

    /** The settings object is under 1 KiB; anything this size is not a settings change. */
    static final int MAX_BODY_BYTES = 16 * 1024;

    static final String RESOURCE_TYPE = "TXAUTH_SETTINGS";

    private static final Logger LOG = Logger.getLogger(SettingsAdminResource.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    SettingsAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                          AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(RESOURCE_TYPE);
    }

    @GET
    @Path("")
    public Response get() {
        auth.realm().requireViewRealm();
        return json(Response.Status.OK, SettingsStore.read(realm).toJson());
    }

    @PUT
    @Path("")
    public Response put(InputStream body) {
        auth.realm().requireManageRealm();
        if (!Profile.isFeatureEnabled(Profile.Feature.DECLARATIVE_UI)) {
            // The component type is the console tab's, which Keycloak only knows with the feature on.
            return error(Response.Status.CONFLICT, "feature_disabled", "txauth settings are stored as the admin "
                    + "console's txauth-settings tab: start Keycloak with --features=declarative-ui");
        }
        TxauthSettings changed;
        try {
            changed = SettingsStore.read(realm).patched(text(body));
        } catch (InvalidSettingException e) {
            return error(Response.Status.BAD_REQUEST, "invalid_request", e.getMessage());
        }
        SettingsStore.write(realm, changed);
        ObjectNode view = changed.toJson();
        adminEvent.operation(OperationType.UPDATE).resourcePath(session.getContext().getUri())
                .representation(view).success();
        LOG.infof("txauth settings of realm %s changed", realm.getName());
        return json(Response.Status.OK, view);
    }

    /** The body as strict UTF-8, at most {@link #MAX_BODY_BYTES}; anything else is a bad request. */
    private static String text(InputStream body) {
        if (body == null) {
            return "";
        }
        try {
            byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new InvalidSettingException("the body is larger than " + MAX_BODY_BYTES / 1024 + " KiB");
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidSettingException("the body is not UTF-8");
        } catch (IOException e) {
            throw new InvalidSettingException("the body could not be read");
        }
    }

    private static Response error(Response.Status status, String error, String description) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("error", error);
        body.put("error_description", description);
        return json(status, body);
    }

    private static Response json(Response.Status status, ObjectNode body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
