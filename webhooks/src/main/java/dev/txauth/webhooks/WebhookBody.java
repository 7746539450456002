package dev.txauth.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.txauth.audit.AuditRecord;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON a delivery carries (docs/api.md §11): built from the audit listener's {@link AuditRecord}, so the type
 * names and the redaction (docs/api.md §7) are exactly the audit row's — never a token, code, OTP, password or full
 * account number.
 */
final class WebhookBody {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WebhookBody() {
    }

    static String of(AuditRecord r, String realmName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", r.eventId());
        body.put("type", r.type());
        body.put("occurred_at", Instant.ofEpochMilli(r.occurredAt()).toString());
        body.put("realm", realmName);
        body.put("user_id", r.userId());
        body.put("client_id", r.clientId());
        body.put("transaction_id", r.transactionId());
        body.put("details", r.details());
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    /** {@code webhook-id}: Standard Webhooks' {@code msg_} prefix on the event's own id. */
    static String webhookId(AuditRecord r) {
        return "msg_" + r.eventId();
    }
}
