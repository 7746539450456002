package dev.txauth.audit;

import java.util.Map;

/**
 * The byte-exact text a row's hash covers. Every field is written as {@code name:length:value} in a fixed order
 * (null as {@code name:-}), details sorted by key, so no value can imitate a field boundary: a newline, a colon or a
 * {@code "} inside a user name changes the length prefix, not the structure. The chain position (chain id, sequence)
 * is covered too, so moving a row to another position breaks the hash.
 */
public final class CanonicalRow {

    private CanonicalRow() {
    }

    public static String of(AuditRecord r, String chainId, long chainSeq, int version) {
        StringBuilder out = new StringBuilder(256);
        field(out, "v", Integer.toString(version));
        field(out, "chain_id", chainId);
        field(out, "chain_seq", Long.toString(chainSeq));
        field(out, "event_id", r.eventId());
        field(out, "occurred_at", Long.toString(r.occurredAt()));
        field(out, "realm_id", r.realmId());
        field(out, "kind", r.kind());
        field(out, "type", r.type());
        field(out, "outcome", r.outcome());
        field(out, "user_id", r.userId());
        field(out, "target_user_id", r.targetUserId());
        field(out, "client_id", r.clientId());
        field(out, "session_id", r.sessionId());
        field(out, "ip_address", r.ipAddress());
        field(out, "error", r.error());
        field(out, "resource_type", r.resourceType());
        field(out, "resource_path", r.resourcePath());
        field(out, "transaction_id", r.transactionId());
        field(out, "details", Integer.toString(r.details().size()));
        for (Map.Entry<String, String> e : r.details().entrySet()) {
            field(out, "k", e.getKey());
            field(out, "v", e.getValue());
        }
        return out.toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(name).append(':');
        if (value == null) {
            out.append('-');
        } else {
            // Length in UTF-16 units: deterministic in Java, and the verifier recomputes it the same way.
            out.append(value.length()).append(':').append(value);
        }
        out.append('\n');
    }
}
