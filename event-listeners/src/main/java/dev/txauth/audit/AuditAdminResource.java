package dev.txauth.audit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import dev.txauth.audit.stats.AuditStats;
import dev.txauth.audit.stats.StatsRequest;
import dev.txauth.audit.stats.TransactionTableQuery;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/realms/{realm}/txauth-audit}: chain verification and event search for the realm's event viewers
 * ({@code view-events}, part of realm-admin). Reads only; the realm is the one in the path, never a parameter.
 */
public class AuditAdminResource {

    private static final Logger LOG = Logger.getLogger(AuditAdminResource.class);
    static final int MAX_PAGE = 1000;
    static final int MAX_USER_TRANSACTIONS = 100;

    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AuditQueries queries;
    private final AuditKeys keys;
    private final CheckpointFile checkpoints;
    private final AuditStats stats;
    private final TransactionTableQuery transactions;

    AuditAdminResource(RealmModel realm, AdminPermissionEvaluator auth, AuditQueries queries, AuditKeys keys,
                       CheckpointFile checkpoints, AuditStats stats, TransactionTableQuery transactions) {
        this.realm = realm;
        this.auth = auth;
        this.queries = queries;
        this.keys = keys;
        this.checkpoints = checkpoints;
        this.stats = stats;
        this.transactions = transactions;
    }

    /** docs/api.md §12: the dashboard's series; every parameter is checked before any SQL runs. */
    @GET
    @Path("stats")
    @Produces(MediaType.APPLICATION_JSON)
    public Response stats(@QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("bucket") String bucket) {
        auth.realm().requireViewEvents();
        StatsRequest request;
        try {
            request = StatsRequest.parse(from, to, bucket, Instant.now());
        } catch (IllegalArgumentException e) {
            return badRequest(e.getMessage());
        }
        try {
            return Response.ok(stats.compute(realm.getId(), request)).build();
        } catch (SQLException e) {
            return unavailable(e);
        }
    }

    /** docs/api.md §12: a user's newest transactions for the dashboard's user view (account: last four digits). */
    @GET
    @Path("users/{userId}/transactions")
    @Produces(MediaType.APPLICATION_JSON)
    public Response userTransactions(@PathParam("userId") String userId) {
        auth.realm().requireViewEvents();
        try {
            return Response.ok(transactions.ofUser(realm.getId(), userId, MAX_USER_TRANSACTIONS)).build();
        } catch (SQLException e) {
            return unavailable(e);
        }
    }

    @GET
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    public Response verify() {
        auth.realm().requireViewEvents();
        List<Checkpoint> published;
        try {
            published = checkpoints.read(realm.getId(), keys);
        } catch (IOException e) {
            LOG.warnf("txauth-audit: cannot read the checkpoint file %s (%s)", checkpoints.path(),
                    e.getClass().getSimpleName());
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", "audit_checkpoints_unavailable")).build();
        }
        try {
            AuditQueries.Verification v = queries.verify(realm.getId(), keys, published);
            // docs/api.md §7: valid + checked, or valid=false + first_invalid_event_id; the rest is added detail.
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("valid", v.valid());
            body.put("checked", v.checked());
            if (!v.valid()) {
                body.put("first_invalid_event_id", v.firstInvalidEventId());
                body.put("chain_id", v.invalidChainId());
                body.put("reason", v.reason());
            }
            body.put("chains", v.heads());
            body.put("checkpoints", v.checkpoints());
            return Response.ok(body).build();
        } catch (SQLException e) {
            return unavailable(e);
        }
    }

    @GET
    @Path("events")
    @Produces(MediaType.APPLICATION_JSON)
    public Response events(@QueryParam("user") String user, @QueryParam("type") String type,
                           @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("first") Integer first, @QueryParam("max") Integer max) {
        auth.realm().requireViewEvents();
        int offset = first == null ? 0 : first;
        int limit = max == null ? 100 : max;
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            return badRequest("first must be >= 0 and max between 1 and " + MAX_PAGE);
        }
        Instant fromTime;
        Instant toTime;
        try {
            fromTime = from == null || from.isBlank() ? null : Instant.parse(from);
            toTime = to == null || to.isBlank() ? null : Instant.parse(to);
        } catch (DateTimeParseException e) {
            return badRequest("from and to must be ISO-8601 instants such as 2026-01-31T12:00:00Z");
        }
        try {
            return Response.ok(queries.search(realm.getId(), new AuditQueries.Filter(blankToNull(user),
                    blankToNull(type), fromTime, toTime, offset, limit))).build();
        } catch (SQLException e) {
            return unavailable(e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Response badRequest(String description) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", "invalid_request", "error_description", description)).build();
    }

    private static Response unavailable(SQLException e) {
        LOG.warnf("txauth-audit: audit database query failed (%s %s)", e.getClass().getSimpleName(), e.getSQLState());
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", "audit_store_unavailable")).build();
    }
}
