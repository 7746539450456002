package dev.txauth.audit;

import dev.txauth.model.EventDetails;
import dev.txauth.model.TxauthEvent;
import dev.txauth.risk.RiskSignal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * {@code txauth_audit_hourly}: how many audit rows each realm has per UTC hour, type, outcome, risk decision and
 * "unknown device" signal (docs/audit.md "Hourly roll-up"), so the dashboard's long periods (docs/api.md §12) sum hours
 * instead of counting millions of rows. It is derived data, never part of the hash chain: the chain covers the audit
 * rows alone, and a roll-up row can always be recomputed from them.
 * <p>
 * Exactly-once follows from where it is written: {@link AuditStore} adds the rows it actually inserted, in the same
 * transaction as the insert, and {@link RetentionPurge} subtracts the rows it deletes in the deleting transaction. A
 * spool replay skips events already stored before anything is counted, and a failed transaction rolls back the
 * counts with the rows. Every statement aggregates from {@code txauth_audit_event} itself with the same expressions
 * ({@link #DECISION}, {@link #UNKNOWN_DEVICE}, {@link #HOUR}), which is also what the stats query uses for the
 * partial hour at the end of a period, so roll-up and raw counts cannot drift apart by definition.
 */
public final class AuditRollup {

    public static final String TABLE = "txauth_audit_hourly";
    static final String KEY = "realm_id, hour_start, type, outcome, risk_decision, unknown_device";
    private static final String RISK_TYPE = "'" + TxauthEvent.RISK_DECISION.auditType() + "'";
    /** Risk decision of a {@code TXAUTH_RISK_DECISION} row; {@code ''} for every other row (a key column). */
    public static final String DECISION = "CASE WHEN type = " + RISK_TYPE + " THEN coalesce(details ->> '"
            + EventDetails.RISK_DECISION + "', '') ELSE '' END";
    /** {@code risk_signals} is the comma-joined list of RiskSignal event names (docs/api.md §6). */
    public static final String UNKNOWN_DEVICE = "coalesce(type = " + RISK_TYPE + " AND '"
            + RiskSignal.UNKNOWN_DEVICE.eventName() + "' = ANY (string_to_array(details ->> '"
            + EventDetails.RISK_SIGNALS + "', ',')), false)";
    /** The UTC hour of a row, whatever the session's TimeZone. */
    public static final String HOUR = "date_trunc('hour', occurred_at, 'UTC')";

    /**
     * Audit schema version 4. The backfill counts every row already stored; {@code SHARE} mode keeps other writers
     * out until this commits, so no row is missed or counted twice. Changing an expression above needs a new
     * version that rebuilds the table.
     */
    static final String MIGRATION = "CREATE TABLE %1$s" + TABLE + " (\n"
            + "    realm_id       text        NOT NULL,\n"
            + "    hour_start     timestamptz NOT NULL,\n"
            + "    type           text        NOT NULL,\n"
            + "    outcome        text        NOT NULL,\n"
            + "    risk_decision  text        NOT NULL,\n"
            + "    unknown_device boolean     NOT NULL,\n"
            + "    events         bigint      NOT NULL CHECK (events >= 0),\n"
            + "    PRIMARY KEY (" + KEY + ")\n"
            + ");\n"
            + "LOCK TABLE %1$stxauth_audit_event IN SHARE MODE;\n"
            + upsert("%1$s", "true") + ";\n";

    private AuditRollup() {
    }

    /** Counts the rows with these ids (the ones the caller just inserted, in its open transaction). */
    static void add(Connection c, String prefix, List<UUID> insertedIds) throws SQLException {
        if (insertedIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(upsert(prefix, "event_id = ANY (?)"))) {
            ps.setArray(1, c.createArrayOf("uuid", insertedIds.toArray()));
            ps.executeUpdate();
        }
    }

    /**
     * Counts rows that reached the table without the writer: a bulk import or a benchmark's generated rows, given as
     * a segment of one chain. The caller must not count the same segment twice.
     */
    public static void addChainSegment(Connection c, String prefix, String realmId, String chainId, long fromSeq,
                                       long toSeq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(upsert(prefix,
                "realm_id = ? AND chain_id = ? AND chain_seq BETWEEN ? AND ?"))) {
            bindSegment(ps, realmId, chainId, fromSeq, toSeq);
            ps.executeUpdate();
        }
    }

    /**
     * Uncounts the rows of one chain up to {@code toSeq}, in the caller's transaction, before it deletes them; hours
     * left at zero are removed.
     */
    static void subtractChainPrefix(Connection c, String prefix, String realmId, String chainId, long toSeq,
                                    Instant before) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + prefix + TABLE + " h SET events = h.events - g.n "
                + "FROM (" + aggregate(prefix, "realm_id = ? AND chain_id = ? AND chain_seq BETWEEN ? AND ?")
                + ") g WHERE (h.realm_id, h.hour_start, h.type, h.outcome, h.risk_decision, h.unknown_device) = "
                + "(g.realm_id, g.hour_start, g.type, g.outcome, g.risk_decision, g.unknown_device)")) {
            bindSegment(ps, realmId, chainId, Long.MIN_VALUE, toSeq);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + prefix + TABLE
                + " WHERE realm_id = ? AND hour_start <= ? AND events = 0")) {
            ps.setString(1, realmId);
            ps.setObject(2, OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    /**
     * Adds the matching rows' counts. Keys are upserted in key order, so two writers adding to the same hours lock
     * them in the same order and cannot deadlock.
     */
    private static String upsert(String prefix, String where) {
        return "INSERT INTO " + prefix + TABLE + " AS h (" + KEY + ", events) " + aggregate(prefix, where)
                + " ORDER BY 1, 2, 3, 4, 5, 6 ON CONFLICT (" + KEY + ") DO UPDATE SET events = h.events + EXCLUDED.events";
    }

    private static String aggregate(String prefix, String where) {
        return "SELECT realm_id, " + HOUR + " AS hour_start, type, outcome, " + DECISION + " AS risk_decision, "
                + UNKNOWN_DEVICE + " AS unknown_device, count(*) AS n FROM " + prefix + "txauth_audit_event WHERE "
                + where + " GROUP BY 1, 2, 3, 4, 5, 6";
    }

    private static void bindSegment(PreparedStatement ps, String realmId, String chainId, long fromSeq, long toSeq)
            throws SQLException {
        ps.setString(1, realmId);
        ps.setString(2, chainId);
        ps.setLong(3, fromSeq);
        ps.setLong(4, toSeq);
    }
}
