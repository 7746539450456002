package dev.txauth.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON for an {@link AuditRecord} in the spool (one line, no raw newline) and for the {@code details} column. */
public final class RecordCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private RecordCodec() {
    }

    public static String toJson(AuditRecord r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("event_id", r.eventId());
        n.put("occurred_at", r.occurredAt());
        n.put("realm_id", r.realmId());
        n.put("kind", r.kind());
        n.put("type", r.type());
        n.put("outcome", r.outcome());
        n.put("user_id", r.userId());
        n.put("target_user_id", r.targetUserId());
        n.put("client_id", r.clientId());
        n.put("session_id", r.sessionId());
        n.put("ip_address", r.ipAddress());
        n.put("error", r.error());
        n.put("resource_type", r.resourceType());
        n.put("resource_path", r.resourcePath());
        n.put("transaction_id", r.transactionId());
        putAll(n.putObject("details"), r.details());
        return write(n);
    }

    public static AuditRecord fromJson(String json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            return new AuditRecord(text(n, "event_id"), n.get("occurred_at").asLong(), text(n, "realm_id"),
                    text(n, "kind"), text(n, "type"), text(n, "outcome"), text(n, "user_id"),
                    text(n, "target_user_id"), text(n, "client_id"), text(n, "session_id"), text(n, "ip_address"),
                    text(n, "error"), text(n, "resource_type"), text(n, "resource_path"), text(n, "transaction_id"),
                    MAPPER.convertValue(n.get("details"), STRING_MAP));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("Not an audit record", e);
        }
    }

    public static String detailsJson(Map<String, String> details) {
        return write(putAll(MAPPER.createObjectNode(), details));
    }

    /** Field by field: valueToTree would serialize the map into a buffer and parse it back, on every event. */
    private static ObjectNode putAll(ObjectNode node, Map<String, String> values) {
        values.forEach(node::put);
        return node;
    }

    public static Map<String, String> detailsFromJson(String json) {
        try {
            return json == null ? Map.of() : MAPPER.readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("details is not a JSON object of strings", e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String write(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
