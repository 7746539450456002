package dev.txauth.audit;

import dev.txauth.model.EventDetails;
import dev.txauth.model.TxauthEvent;
import org.keycloak.events.Event;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Keycloak's user and admin events into redacted {@link AuditRecord}s with the PCI DSS 10.2.2 fields filled:
 * who (user / acting admin), what (type), when (UTC), outcome, origin (IP) and the affected resource.
 * <p>
 * Type naming: user events keep Keycloak's type ({@code LOGIN}, {@code CODE_TO_TOKEN_ERROR}); txauth's own events,
 * which arrive as Keycloak events with a {@code txauth_event} detail, become {@code TXAUTH_<EVENT>} (for example
 * {@code TXAUTH_TRANSACTION_APPROVED}) with Keycloak's type kept in the {@code keycloak_type} detail; admin events
 * become {@code ADMIN_<OPERATION>_<RESOURCE>}, and the session revocations an admin can trigger get names of their own.
 */
public final class AuditEventMapper {

    private static final Pattern USER_PATH = Pattern.compile("^users/([^/]+)(/.*)?$");
    private static final Pattern SESSION_PATH = Pattern.compile("^sessions/([^/]+)$");

    private AuditEventMapper() {
    }

    public static AuditRecord user(Event e) {
        Map<String, String> details = Redactor.details(e.getDetails());
        String type = e.getType() == null ? "UNKNOWN" : e.getType().name();
        String txauthEvent = details.get(EventDetails.TXAUTH_EVENT);
        if (txauthEvent != null && !txauthEvent.isBlank()) {
            details.put("keycloak_type", type);
            type = TxauthEvent.auditTypeOf(txauthEvent);
        }
        boolean failed = e.getError() != null || type.endsWith("_ERROR");
        String transactionId = details.get(EventDetails.TRANSACTION_ID);
        String resourceType = transactionId != null ? "TRANSACTION" : e.getUserId() != null ? "USER" : "CLIENT";
        String resourcePath = transactionId != null ? "transactions/" + transactionId
                : e.getUserId() != null ? "users/" + e.getUserId()
                : e.getClientId() != null ? "clients/" + e.getClientId() : null;
        return new AuditRecord(newEventId(), e.getTime(), e.getRealmId(), AuditRecord.USER, type,
                failed ? AuditRecord.FAILURE : AuditRecord.SUCCESS, Redactor.clean(e.getUserId()), null,
                Redactor.clean(e.getClientId()), Redactor.clean(e.getSessionId()), Redactor.clean(e.getIpAddress()),
                Redactor.clean(e.getError()), resourceType, Redactor.clean(resourcePath), transactionId, details);
    }

    public static AuditRecord admin(AdminEvent e, boolean withRepresentation) {
        Map<String, String> details = new TreeMap<>(Redactor.details(e.getDetails()));
        String path = Redactor.clean(e.getResourcePath());
        String operation = e.getOperationType() == null ? "UNKNOWN" : e.getOperationType().name();
        String resource = e.getResourceTypeAsString() != null ? e.getResourceTypeAsString()
                : e.getResourceType() != null ? e.getResourceType().name() : "UNKNOWN";
        details.put("operation", operation);
        AuthDetails auth = e.getAuthDetails();
        if (auth != null && auth.getRealmId() != null) {
            details.put("auth_realm_id", auth.getRealmId());
        }
        if (withRepresentation && e.getRepresentation() != null) {
            details.put("representation", Redactor.representation(e.getRepresentation()));
        }
        String targetUser = null;
        String sessionId = null;
        if (path != null) {
            Matcher user = USER_PATH.matcher(path);
            if (user.matches()) {
                targetUser = user.group(1);
            }
            Matcher session = SESSION_PATH.matcher(path);
            if (session.matches() && "USER_SESSION".equals(resource)) {
                sessionId = session.group(1);
            }
        }
        return new AuditRecord(newEventId(), e.getTime(), e.getRealmId(), AuditRecord.ADMIN,
                adminType(e.getOperationType(), resource, path), e.getError() != null ? AuditRecord.FAILURE
                : AuditRecord.SUCCESS, auth == null ? null : Redactor.clean(auth.getUserId()), targetUser,
                auth == null ? null : Redactor.clean(auth.getClientId()), sessionId,
                auth == null ? null : Redactor.clean(auth.getIpAddress()), Redactor.clean(e.getError()), resource, path,
                null, details);
    }

    /** Names that let an auditor find session revocations without knowing Keycloak's resource paths. */
    static String adminType(OperationType operation, String resource, String path) {
        String p = path == null ? "" : path;
        if (operation == OperationType.ACTION && ResourceType.USER.name().equals(resource) && p.endsWith("/logout")) {
            return "ADMIN_USER_LOGOUT";
        }
        if (operation == OperationType.DELETE && ResourceType.USER_SESSION.name().equals(resource)) {
            return "ADMIN_SESSION_REVOKE";
        }
        if (operation == OperationType.ACTION && p.equals("logout-all")) {
            return "ADMIN_REALM_LOGOUT_ALL";
        }
        if (operation == OperationType.ACTION && p.equals("push-revocation")) {
            return "ADMIN_PUSH_REVOCATION";
        }
        return "ADMIN_" + (operation == null ? "UNKNOWN" : operation.name()) + "_" + resource;
    }

    /** Ours, not Keycloak's: one id per received event, fixed before anything can retry or replay it. */
    static String newEventId() {
        return UUID.randomUUID().toString();
    }
}
