package dev.txauth.audit;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One audit row before it is chained: what happened, to whom, from where, with which outcome (PCI DSS 10.2.2).
 * Already redacted. Plain Java so the spool, the canonical form and the hash chain are testable without Keycloak.
 *
 * @param eventId        assigned by txauth when the event is received; the idempotency key of the table
 * @param occurredAt     epoch milliseconds (UTC) of the Keycloak event
 * @param kind           {@code USER} or {@code ADMIN}
 * @param type           Keycloak event type, {@code TXAUTH_<EVENT>} for txauth's own events, or
 *                       {@code ADMIN_<OPERATION>} for admin events
 * @param outcome        {@code SUCCESS} or {@code FAILURE}
 * @param userId         the acting user (for admin events: the acting admin)
 * @param targetUserId   the user an admin event acted on ({@code users/{id}/...}), else null
 * @param details        redacted event details, sorted by key
 */
public record AuditRecord(String eventId, long occurredAt, String realmId, String kind, String type, String outcome,
                          String userId, String targetUserId, String clientId, String sessionId, String ipAddress,
                          String error, String resourceType, String resourcePath, String transactionId,
                          Map<String, String> details) {

    public static final String USER = "USER";
    public static final String ADMIN = "ADMIN";
    public static final String SUCCESS = "SUCCESS";
    public static final String FAILURE = "FAILURE";

    public AuditRecord {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(realmId, "realmId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(outcome, "outcome");
        details = Collections.unmodifiableMap(new TreeMap<>(details == null ? Map.of() : details));
    }
}
