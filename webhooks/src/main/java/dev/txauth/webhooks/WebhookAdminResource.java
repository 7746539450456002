package dev.txauth.webhooks;

import dev.txauth.audit.AuditRecord;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /admin/realms/{realm}/txauth-webhooks} (docs/api.md §11): {@code view-events} reads, {@code manage-events}
 * changes. The realm is always the one in the path; every input is checked completely before anything is stored,
 * and a refusal is {@code 400 {"error":"invalid_request","error_description":...}}.
 */
public class WebhookAdminResource {

    static final String TEST_TYPE = "TXAUTH_WEBHOOK_TEST";
    private static final Set<String> STATUSES = Set.of(DeliveryStore.PENDING, DeliveryStore.DELIVERED,
            DeliveryStore.FAILED);
    private static final int MAX_DELIVERIES = 500;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final WebhookEventListenerProviderFactory webhooks;

    WebhookAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                         WebhookEventListenerProviderFactory webhooks) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.webhooks = webhooks;
    }

    @POST
    @Path("")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        auth.realm().requireManageEvents();
        EndpointRequest request;
        try {
            request = checked(body);
        } catch (EndpointRequest.Invalid e) {
            return badRequest(e.getMessage());
        }
        String id = UUID.randomUUID().toString();
        String secret = StandardWebhooks.newSecret();
        long now = System.currentTimeMillis();
        new EndpointStore(session).insert(new Endpoint(id, realm.getId(), request.url().toString(), request.events(),
                request.enabled(), webhooks.sealer().seal(secret, id, realm.getId()), now, now, 0, null));
        EndpointPresence.record(session, realm);
        // The only time the secret leaves the server (docs/api.md §11).
        return Response.status(Response.Status.CREATED).entity(Map.of("id", id, "secret", secret)).build();
    }

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> list() {
        auth.realm().requireViewEvents();
        return new EndpointStore(session).list(realm.getId()).stream().map(WebhookAdminResource::view).toList();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id) {
        auth.realm().requireViewEvents();
        return new EndpointStore(session).find(realm.getId(), id).map(e -> Response.ok(view(e)).build())
                .orElseGet(WebhookAdminResource::notFound);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") String id, String body) {
        auth.realm().requireManageEvents();
        EndpointStore store = new EndpointStore(session);
        if (store.find(realm.getId(), id).isEmpty()) {
            return notFound();
        }
        try {
            store.update(realm.getId(), id, checked(body), System.currentTimeMillis());
            EndpointPresence.record(session, realm);
        } catch (EndpointRequest.Invalid e) {
            return badRequest(e.getMessage());
        }
        return Response.ok(view(store.find(realm.getId(), id).orElseThrow())).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        auth.realm().requireManageEvents();
        if (!new EndpointStore(session).delete(realm.getId(), id)) {
            return notFound();
        }
        EndpointPresence.record(session, realm);
        return Response.noContent().build();
    }

    /** Queues one {@code TXAUTH_WEBHOOK_TEST} delivery to this endpoint, through the same outbox as every event. */
    @POST
    @Path("{id}/test")
    @Produces(MediaType.APPLICATION_JSON)
    public Response test(@PathParam("id") String id) {
        auth.realm().requireManageEvents();
        if (new EndpointStore(session).find(realm.getId(), id).isEmpty()) {
            return notFound();
        }
        long now = System.currentTimeMillis();
        AuditRecord ping = new AuditRecord(UUID.randomUUID().toString(), now, realm.getId(), AuditRecord.ADMIN,
                TEST_TYPE, AuditRecord.SUCCESS, null, null, null, null, null, null, null, null, null, Map.of());
        String deliveryId = UUID.randomUUID().toString();
        new DeliveryStore(session).insert(deliveryId, id, realm.getId(), WebhookBody.webhookId(ping), TEST_TYPE,
                WebhookBody.of(ping, realm.getName()), now, now + maxAgeMillis());
        wakeAfterCommit();
        return Response.accepted(Map.of("delivery_id", deliveryId, "webhook_id", WebhookBody.webhookId(ping)))
                .build();
    }

    @GET
    @Path("{id}/deliveries")
    @Produces(MediaType.APPLICATION_JSON)
    public Response deliveries(@PathParam("id") String id, @QueryParam("status") String status) {
        auth.realm().requireViewEvents();
        if (status != null && !status.isEmpty() && !STATUSES.contains(status)) {
            return badRequest("status must be pending, delivered or failed");
        }
        if (new EndpointStore(session).find(realm.getId(), id).isEmpty()) {
            return notFound();
        }
        return Response.ok(new DeliveryStore(session).list(id, status == null || status.isEmpty() ? null : status,
                MAX_DELIVERIES)).build();
    }

    /** Due again now with a fresh retry period; a delivered row is left alone (409). */
    @POST
    @Path("deliveries/{deliveryId}/retry")
    @Produces(MediaType.APPLICATION_JSON)
    public Response retry(@PathParam("deliveryId") String deliveryId) {
        auth.realm().requireManageEvents();
        DeliveryStore store = new DeliveryStore(session);
        long now = System.currentTimeMillis();
        if (store.retry(realm.getId(), deliveryId, now, now + maxAgeMillis())) {
            wakeAfterCommit();
            return Response.accepted(Map.of("id", deliveryId, "status", DeliveryStore.PENDING)).build();
        }
        return store.exists(realm.getId(), deliveryId) ? Response.status(Response.Status.CONFLICT)
                .entity(Map.of("error", "already_delivered")).build() : notFound();
    }

    /** Shape first, then the address the host resolves to now (the sender checks it again before every attempt). */
    private EndpointRequest checked(String body) throws EndpointRequest.Invalid {
        EndpointRequest request = EndpointRequest.parse(body);
        try {
            new AddressGuard(webhooks.config().allowLoopback(), webhooks.config().allowPrivate())
                    .check(request.url());
        } catch (AddressGuard.Refused e) {
            throw new EndpointRequest.Invalid(e.getMessage());
        }
        return request;
    }

    private long maxAgeMillis() {
        return WebhookSettingsTab.settings(session, realm).maxAge().toMillis();
    }

    private void wakeAfterCommit() {
        session.getTransactionManager().enlistAfterCompletion(new org.keycloak.models.AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                webhooks.sender().wake();
            }

            @Override
            protected void rollbackImpl() {
                // nothing to send
            }
        });
    }

    private static Map<String, Object> view(Endpoint e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("url", e.url());
        m.put("events", e.events().patterns());
        m.put("enabled", e.enabled());
        m.put("created_at", e.createdAt());
        m.put("updated_at", e.updatedAt());
        m.put("consecutive_failures", e.consecutiveFailures());
        m.put("paused_until", e.pausedUntil());
        return m;
    }

    private static Response badRequest(String description) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", "invalid_request", "error_description", description)).build();
    }

    private static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", "not_found")).build();
    }
}
