package dev.txauth.controls.selfservice;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.txauth.controls.enforcement.ControlEvents;
import dev.txauth.controls.enforcement.LedgerStore;
import dev.txauth.controls.limits.Amount;
import dev.txauth.controls.limits.UserControls;
import dev.txauth.controls.settings.InvalidSettingException;
import dev.txauth.controls.settings.TxauthSettings;
import dev.txauth.controls.settings.SettingsStore;
import dev.txauth.model.TxauthEvent;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code /realms/{realm}/txauth/me/limits} and {@code /me/instant-payments} (docs/api.md §8): the user sees and
 * changes their own limits and the instant-payments opt-out with their DPoP-bound app token. A change needs a
 * second factor no older than {@code fresh_mfa_seconds}, else {@code 401} with the RFC 9470 challenge. A change
 * applies to the next registration at once (the registry reads the same row) and is an audit event.
 */
public class MeResource {

    static final String MFA_CHALLENGE = "Bearer error=\"insufficient_user_authentication\", "
            + "error_description=\"A recent second factor is required\", acr_values=\"mfa\", max_age=0";
    private static final int MAX_BODY_BYTES = 4 * 1024;

    private final KeycloakSession session;
    private final RealmModel realm;

    public MeResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    /** The page where the user sees and changes both after a fresh second factor (no token: it signs in itself),
     * in the language of {@code ui_locales} or the one Keycloak would choose. */
    @GET
    @Path("page")
    public Response page(@QueryParam("ui_locales") String uiLocales) {
        return SelfServicePage.page(session, realm, uiLocales);
    }

    @GET
    @Path("page.js")
    public Response pageScript() {
        return SelfServicePage.serve(session, "controls.js", "text/javascript; charset=utf-8");
    }

    @GET
    @Path("page.css")
    public Response pageStyle() {
        return SelfServicePage.serve(session, "controls.css", "text/css; charset=utf-8");
    }

    @GET
    @Path("limits")
    public Response limits() {
        return asCaller(caller -> json(200, limitsJson(store().controls(realm.getId(), caller.user().getId()))));
    }

    @PUT
    @Path("limits")
    public Response changeLimits(InputStream body) {
        return change(body, (caller, text) -> {
            TxauthSettings settings = SettingsStore.read(realm);
            String userId = caller.user().getId();
            UserControls before = store().controls(realm.getId(), userId);
            UserControls after = SelfServiceBodies.limits(text,
                    settings.limitRules().regulatoryCap(SelfServiceBodies.LIMIT_CURRENCY),
                    before.instantPaymentsEnabled());
            store().saveLimits(realm.getId(), userId, after.perTransaction(), after.daily(), now());
            if (!Objects.equals(before.perTransaction(), after.perTransaction())
                    || !Objects.equals(before.daily(), after.daily())) {
                ControlEvents.changed(session, realm, caller.user(), TxauthEvent.LIMITS_CHANGED);
            }
            return json(200, limitsJson(after));
        });
    }

    @GET
    @Path("instant-payments")
    public Response instantPayments() {
        return asCaller(caller -> json(200, enabledJson(store().controls(realm.getId(), caller.user().getId())
                .instantPaymentsEnabled())));
    }

    @PUT
    @Path("instant-payments")
    public Response changeInstantPayments(InputStream body) {
        return change(body, (caller, text) -> {
            boolean enabled = SelfServiceBodies.enabled(text);
            String userId = caller.user().getId();
            boolean before = store().controls(realm.getId(), userId).instantPaymentsEnabled();
            store().saveInstantPayments(realm.getId(), userId, enabled, now());
            if (before != enabled) {
                ControlEvents.changed(session, realm, caller.user(), enabled ? TxauthEvent.INSTANT_PAYMENTS_ENABLED
                        : TxauthEvent.INSTANT_PAYMENTS_DISABLED);
            }
            return json(200, enabledJson(enabled));
        });
    }

    @FunctionalInterface
    private interface Change {
        Response apply(SelfServiceCaller caller, String body);
    }

    /** Authenticated, then fresh MFA, then a readable body; a bad body changes nothing (400). */
    private Response change(InputStream body, Change change) {
        return asCaller(caller -> {
            if (!caller.freshMfa(SettingsStore.read(realm).freshMfa(), Instant.now())) {
                return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, MFA_CHALLENGE)
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(error("insufficient_user_authentication", "A recent second factor is required"))
                        .build();
            }
            Optional<String> text = read(body);
            if (text.isEmpty()) {
                return json(413, error("request_too_large", "The body exceeds " + MAX_BODY_BYTES + " bytes"));
            }
            try {
                return change.apply(caller, text.get());
            } catch (InvalidSettingException e) {
                return json(400, error("invalid_request", e.getMessage()));
            }
        });
    }

    private Response asCaller(Function<SelfServiceCaller, Response> action) {
        return SelfServiceCaller.authenticate(session, realm).map(action).orElseGet(() -> Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "DPoP error=\"invalid_token\", algs=\"ES256 PS256 RS256\"")
                .type(MediaType.APPLICATION_JSON_TYPE).entity(error("invalid_token",
                        "A DPoP-bound access token of the bound phone, with a DPoP proof, is required")).build());
    }

    private static ObjectNode limitsJson(UserControls controls) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put(SelfServiceBodies.PER_TRANSACTION, decimal(controls.perTransactionIn(SelfServiceBodies.LIMIT_CURRENCY)));
        json.put(SelfServiceBodies.DAILY, decimal(controls.dailyIn(SelfServiceBodies.LIMIT_CURRENCY)));
        json.put("currency", SelfServiceBodies.LIMIT_CURRENCY);
        return json;
    }

    private static ObjectNode enabledJson(boolean enabled) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put(SelfServiceBodies.ENABLED, enabled);
        return json;
    }

    private static String decimal(Optional<Amount> amount) {
        return amount.map(Amount::toDecimal).orElse(null);
    }

    private static ObjectNode error(String error, String description) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("error", error);
        json.put("error_description", description);
        return json;
    }

    private static Response json(int status, ObjectNode body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static Optional<String> read(InputStream body) {
        try {
            byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY_BYTES + 1);
            return bytes.length > MAX_BODY_BYTES ? Optional.empty()
                    : Optional.of(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private LedgerStore store() {
        return new LedgerStore(session);
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
