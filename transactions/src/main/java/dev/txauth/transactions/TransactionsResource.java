package dev.txauth.transactions;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.txauth.transactions.detail.InvalidDetailException;
import dev.txauth.transactions.detail.PaymentDetail;
import dev.txauth.transactions.detail.PaymentDetailValidator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Set;

/**
 * {@code /realms/{realm}/txauth/transactions}: a payment service registers the payment a user must approve, reads its
 * status, and consumes the approval exactly once (docs/api.md §3). Callers authenticate with a bearer token whose subject
 * has the realm role {@code txauth-transaction-initiator}; a transaction is visible only to the client that
 * registered it.
 */
public class TransactionsResource {

    public static final String INITIATOR_ROLE = "txauth-transaction-initiator";
    private static final Logger LOG = Logger.getLogger(TransactionsResource.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> ENVELOPE = Set.of("user_id", "client_id", "authorization_details");

    private final KeycloakSession session;
    private final RealmModel realm;
    private final TransactionSettings settings;
    private final TransactionRegistry registry;

    public TransactionsResource(KeycloakSession session, TransactionSettings settings) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.settings = settings;
        this.registry = new TransactionRegistry(session, realm, settings);
    }

    @POST
    @Path("")
    public Response register(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                             @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        AuthenticationManager.AuthResult caller = authenticate();
        if (caller == null) {
            return RegistryResponses.unauthorized();
        }
        if (!isInitiator(caller)) {
            return RegistryResponses.forbidden();
        }
        if (!RegistryRequests.isJson(contentType)) {
            return RegistryResponses.error(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "Content-Type must be application/json");
        }
        byte[] bytes = RegistryRequests.readLimited(contentLength, body);
        if (bytes == null) {
            return RegistryResponses.error(Response.Status.REQUEST_ENTITY_TOO_LARGE, "request_too_large",
                    "The body exceeds " + TransactionSettings.MAX_BODY_BYTES + " bytes");
        }
        JsonNode request;
        try {
            request = JSON.readTree(bytes);
        } catch (IOException notJson) {
            return RegistryResponses.error(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "The body is not JSON");
        }
        if (request == null || !request.isObject() || !RegistryRequests.onlyKnownMembers(request, ENVELOPE)) {
            return RegistryResponses.error(Response.Status.BAD_REQUEST, "invalid_request",
                    "Expected an object with user_id, client_id and authorization_details only");
        }
        UserModel user = request.path("user_id").isTextual()
                ? session.users().getUserById(realm, request.get("user_id").textValue()) : null;
        ClientModel client = request.path("client_id").isTextual()
                ? realm.getClientByClientId(request.get("client_id").textValue()) : null;
        if (user == null || !user.isEnabled() || user.getServiceAccountClientLink() != null) {
            return RegistryResponses.error(Response.Status.BAD_REQUEST, "invalid_request", "Unknown user");
        }
        if (client == null || !client.isEnabled()) {
            return RegistryResponses.error(Response.Status.BAD_REQUEST, "invalid_request", "Unknown client");
        }
        PaymentDetail detail;
        try {
            detail = new PaymentDetailValidator(settings.maxAmount()).validate(request.get("authorization_details"));
        } catch (InvalidDetailException e) {
            return RegistryResponses.error(Response.Status.BAD_REQUEST, "invalid_authorization_details",
                    e.getMessage());
        }
        TransactionRegistry.Actor initiator = actor(caller);
        String id = registry.register(user, client, initiator, detail).id();
        LOG.debugf("Registered transaction in realm %s for client %s by %s", realm.getName(), client.getClientId(),
                initiator.clientId());

        ObjectNode answer = JSON.createObjectNode();
        answer.put("transaction_id", id);
        answer.put("status", TransactionStatus.PENDING.name());
        answer.put("expires_in", settings.pendingLifetime());
        answer.set("authorization_details", detail.toJson(id));
        return Response.fromResponse(RegistryResponses.json(Response.Status.CREATED, answer))
                .location(session.getContext().getUri().getAbsolutePathBuilder().path(id).build()).build();
    }

    @GET
    @Path("{id}")
    public Response read(@PathParam("id") String id) {
        Lookup lookup = lookup(id);
        if (lookup.refusal() != null) {
            return lookup.refusal();
        }
        return RegistryResponses.json(Response.Status.OK, describe(registry.expireIfDue(lookup.record())));
    }

    @POST
    @Path("{id}/consume")
    public Response consume(@PathParam("id") String id) {
        Lookup lookup = lookup(id);
        if (lookup.refusal() != null) {
            return lookup.refusal();
        }
        TransactionRegistry.Consumption outcome = registry.consume(lookup.record(), lookup.caller());
        if (outcome instanceof TransactionRegistry.Consumption.Consumed consumed) {
            ObjectNode answer = describe(consumed.record());
            answer.put("status", TransactionStatus.CONSUMED.name());
            return RegistryResponses.json(Response.Status.OK, answer);
        }
        if (outcome instanceof TransactionRegistry.Consumption.Refused refused) {
            return switch (refused.status()) {
                case CONSUMED -> RegistryResponses.error(Response.Status.CONFLICT, "already_consumed",
                        "The transaction was already consumed");
                case EXPIRED -> RegistryResponses.error(Response.Status.GONE, "expired", "The transaction expired");
                default -> RegistryResponses.error(Response.Status.CONFLICT, "not_approved",
                        "The transaction is " + refused.status());
            };
        }
        return RegistryResponses.error(Response.Status.GONE, "expired",
                "The approval is no longer valid: the user's session was revoked");
    }

    private ObjectNode describe(TransactionRecord record) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("transaction_id", record.id());
        answer.put("status", record.status().name());
        try {
            answer.set("authorization_details", JSON.readTree(record.detail()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored detail of " + record.id() + " is not JSON", e);
        }
        if (record.approvedAt() != null) {
            answer.put("approved_at", Instant.ofEpochSecond(record.approvedAt()).toString());
            answer.put("method", record.method());
        }
        return answer;
    }

    /** The caller's transaction, or the 401 / 403 / 404 that answers in its place. */
    private record Lookup(TransactionRecord record, TransactionRegistry.Actor caller, Response refusal) {
    }

    private Lookup lookup(String id) {
        AuthenticationManager.AuthResult caller = authenticate();
        if (caller == null) {
            return new Lookup(null, null, RegistryResponses.unauthorized());
        }
        if (!isInitiator(caller)) {
            return new Lookup(null, null, RegistryResponses.forbidden());
        }
        return registry.registeredBy(caller.getToken().getIssuedFor(), id)
                .map(record -> new Lookup(record, actor(caller), null))
                .orElseGet(() -> new Lookup(null, null, RegistryResponses.notFound()));
    }

    /** The calling service account: the client its token was issued to and its service-account user. */
    private static TransactionRegistry.Actor actor(AuthenticationManager.AuthResult caller) {
        return new TransactionRegistry.Actor(caller.getToken().getIssuedFor(), caller.getUser().getId());
    }

    private AuthenticationManager.AuthResult authenticate() {
        try {
            return new AppAuthManager.BearerTokenAuthenticator(session).setRealm(realm).authenticate();
        } catch (NotAuthorizedException malformed) {
            return null;
        }
    }

    private boolean isInitiator(AuthenticationManager.AuthResult caller) {
        RoleModel role = realm.getRole(INITIATOR_ROLE);
        return role != null && caller.getUser() != null && caller.getUser().hasRole(role)
                && caller.getToken().getIssuedFor() != null;
    }
}
