package dev.txauth.audit.stats;

import dev.txauth.audit.AuditRollup;
import dev.txauth.audit.ConnectionSource;
import dev.txauth.model.TxauthEvent;
import dev.txauth.risk.RiskDecision;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The audit half of docs/api.md §12's stats: counts grouped in PostgreSQL by UTC bucket, type, risk decision and the
 * unknown-device signal. Whole hours are read from the hourly roll-up ({@link AuditRollup}, one row per realm, hour
 * and key instead of one per event), so a year costs thousands of rows instead of millions; only the partial hours at
 * the ends of the period are counted from {@code txauth_audit_event} through {@code (realm_id, occurred_at)}.
 */
public final class AuditStatsQuery {

    public static final String LOGINS = "logins";
    public static final String FAILED_LOGINS = "failed_logins";
    public static final String STEP_UPS = "step_ups";
    public static final String NEW_DEVICES = "new_devices";
    public static final String BOUND_DEVICES = "bound_devices";
    public static final String RISK_PREFIX = "risk_";
    public static final String TRANSACTION_PREFIX = "transactions_";
    /** Distinct client IPs the login throttle refused in the bucket (docs/api.md §10). */
    public static final String THROTTLED_IPS = "throttled_ips";

    private static final EnumSet<TxauthEvent> TRANSACTION_EVENTS = EnumSet.of(TxauthEvent.TRANSACTION_REGISTERED,
            TxauthEvent.TRANSACTION_APPROVED, TxauthEvent.TRANSACTION_DECLINED, TxauthEvent.TRANSACTION_LOCKED,
            TxauthEvent.TRANSACTION_EXPIRED, TxauthEvent.TRANSACTION_CONSUMED);
    private static final String LOGIN = "LOGIN";
    private static final String LOGIN_ERROR = "LOGIN_ERROR";

    /**
     * Whole hours from the roll-up, the partial hours at the ends (RollupSpan) from the rows, with the roll-up's
     * own expressions, so both halves count the same way; then grouped to the requested bucket in UTC.
     */
    private static final String SQL = "SELECT date_trunc(?, b, 'UTC') AT TIME ZONE 'UTC', type, risk_decision, "
            + "unknown_device, sum(n) FROM ("
            + "SELECT hour_start AS b, type, risk_decision, unknown_device, events AS n FROM %1$s "
            + "WHERE realm_id = ? AND hour_start >= ? AND hour_start < ? "
            + "UNION ALL SELECT occurred_at, type, " + AuditRollup.DECISION + ", " + AuditRollup.UNKNOWN_DEVICE
            + ", 1 FROM %2$s WHERE realm_id = ? AND (occurred_at >= ? AND occurred_at < ? "
            + "OR occurred_at >= ? AND occurred_at < ?)"
            + ") s WHERE type = ANY (?) GROUP BY 1, 2, 3, 4";

    private final ConnectionSource source;
    private final String table;
    private final String rollupTable;

    public AuditStatsQuery(ConnectionSource source) {
        this.source = source;
        this.table = source.schemaPrefix() + "txauth_audit_event";
        this.rollupTable = source.schemaPrefix() + AuditRollup.TABLE;
    }

    /** Declares this query's series on {@code series}, in the order the dashboard draws them. */
    public static void declare(StatsSeries series) {
        series.count(LOGINS).count(FAILED_LOGINS);
        for (RiskDecision d : RiskDecision.values()) {
            series.count(RISK_PREFIX + d.name().toLowerCase(Locale.ROOT));
        }
        series.count(STEP_UPS).count(NEW_DEVICES).count(BOUND_DEVICES);
        TRANSACTION_EVENTS.forEach(e -> series.count(transactionSeries(e)));
        series.count(THROTTLED_IPS);
    }

    public void fill(String realmId, StatsRequest request, StatsSeries series) throws SQLException {
        Map<String, String> seriesOfType = new LinkedHashMap<>();
        seriesOfType.put(LOGIN, LOGINS);
        seriesOfType.put(LOGIN_ERROR, FAILED_LOGINS);
        seriesOfType.put(TxauthEvent.DEVICE_TRUSTED.auditType(), BOUND_DEVICES);
        TRANSACTION_EVENTS.forEach(e -> seriesOfType.put(e.auditType(), transactionSeries(e)));
        String riskType = TxauthEvent.RISK_DECISION.auditType();
        List<String> types = new ArrayList<>(seriesOfType.keySet());
        types.add(riskType);
        try (Connection c = source.open()) {
            // Both parts in one statement, hence one snapshot: a batch committed meanwhile is counted wholly or not.
            try (PreparedStatement ps = c.prepareStatement(SQL.formatted(rollupTable, table))) {
                bind(ps, realmId, request, RollupSpan.of(request.from(), request.to()));
                ps.setArray(10, c.createArrayOf("text", types.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant bucket = bucket(rs);
                        long n = rs.getLong(5);
                        if (riskType.equals(rs.getString(2))) {
                            addRisk(series, bucket, rs.getString(3), rs.getBoolean(4), n);
                        } else {
                            series.add(seriesOfType.get(rs.getString(2)), bucket, n);
                        }
                    }
                }
            }
            // An IP refused many times in a bucket is one throttled IP; the rows are few (only refusals), and
            // a partial index of their own (audit schema version 5) finds them without reading any other row.
            try (PreparedStatement ps = c.prepareStatement("SELECT date_trunc(?, occurred_at AT TIME ZONE 'UTC'), "
                    + "count(DISTINCT ip_address) FROM " + table + " WHERE realm_id = ? AND occurred_at >= ? "
                    + "AND occurred_at < ? AND type = '" + TxauthEvent.LOGIN_THROTTLED.auditType() + "' GROUP BY 1")) {
                bindRange(ps, request, realmId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        series.add(THROTTLED_IPS, bucket(rs), rs.getLong(2));
                    }
                }
            }
        }
    }

    /** The plan PostgreSQL picks for {@link #fill}'s statement (logins and risk), for the benchmark's report. */
    public static List<String> explain(Connection c, String schemaPrefix, String realmId, StatsRequest request)
            throws SQLException {
        List<String> plan = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + SQL.formatted(
                schemaPrefix + AuditRollup.TABLE, schemaPrefix + "txauth_audit_event"))) {
            bind(ps, realmId, request, RollupSpan.of(request.from(), request.to()));
            ps.setArray(10, c.createArrayOf("text", new String[] {LOGIN, LOGIN_ERROR,
                    TxauthEvent.RISK_DECISION.auditType()}));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
        }
        return plan;
    }

    private static void bind(PreparedStatement ps, String realmId, StatsRequest request, RollupSpan span)
            throws SQLException {
        ps.setString(1, request.bucket().sqlUnit());
        ps.setString(2, realmId);
        ps.setObject(3, utc(span.hoursFrom()));
        ps.setObject(4, utc(span.hoursTo()));
        ps.setString(5, realmId);
        ps.setObject(6, utc(span.from()));
        ps.setObject(7, utc(span.headTo()));
        ps.setObject(8, utc(span.tailFrom()));
        ps.setObject(9, utc(span.to()));
    }

    private static void bindRange(PreparedStatement ps, StatsRequest request, String realmId) throws SQLException {
        ps.setString(1, request.bucket().sqlUnit());
        ps.setString(2, realmId);
        ps.setObject(3, utc(request.from()));
        ps.setObject(4, utc(request.to()));
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static void addRisk(StatsSeries series, Instant bucket, String decision, boolean unknownDevice, long n) {
        RiskDecision d;
        try {
            d = RiskDecision.valueOf(decision == null ? "" : decision);
        } catch (IllegalArgumentException unknown) {
            return; // a decision this version does not know is not drawn, and never miscounted as another
        }
        series.add(RISK_PREFIX + d.name().toLowerCase(Locale.ROOT), bucket, n);
        if (d == RiskDecision.STEP_UP || d == RiskDecision.STEP_UP_PASSKEY) {
            series.add(STEP_UPS, bucket, n);
        }
        if (unknownDevice) {
            series.add(NEW_DEVICES, bucket, n);
        }
    }

    private static String transactionSeries(TxauthEvent e) {
        return TRANSACTION_PREFIX + e.name().substring("TRANSACTION_".length()).toLowerCase(Locale.ROOT);
    }

    static Instant bucket(ResultSet rs) throws SQLException {
        return rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }
}
