package dev.txauth.audit.stats;

import dev.txauth.audit.ConnectionSource;
import dev.txauth.model.EventDetails;
import dev.txauth.model.TxauthEvent;
import dev.txauth.risk.RiskDecision;
import dev.txauth.risk.RiskSignal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The audit half of docs/api.md §12's stats: counts grouped in PostgreSQL by UTC bucket, type and outcome. Two
 * statements, each matched to an index of audit schema version 3: the counts read only
 * {@code (realm_id, occurred_at) INCLUDE (type, outcome)} (an index-only scan, no table rows), and the risk decisions,
 * which need the {@code details} document, come through the partial index on risk-decision rows alone.
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

    private final ConnectionSource source;
    private final String table;

    public AuditStatsQuery(ConnectionSource source) {
        this.source = source;
        this.table = source.schemaPrefix() + "txauth_audit_event";
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
        try (Connection c = source.open()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT date_trunc(?, occurred_at AT TIME ZONE 'UTC'), "
                    + "type, count(*) FROM " + table + " WHERE realm_id = ? AND occurred_at >= ? AND occurred_at < ? "
                    + "AND type = ANY (?) GROUP BY 1, 2")) {
                bindRange(ps, request, realmId);
                ps.setArray(5, c.createArrayOf("text", seriesOfType.keySet().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        series.add(seriesOfType.get(rs.getString(2)), bucket(rs), rs.getLong(3));
                    }
                }
            }
            // risk_signals is the comma-joined list of RiskSignal event names (docs/api.md §6).
            try (PreparedStatement ps = c.prepareStatement("SELECT date_trunc(?, occurred_at AT TIME ZONE 'UTC'), "
                    + "details ->> '" + EventDetails.RISK_DECISION + "', "
                    + "(',' || coalesce(details ->> '" + EventDetails.RISK_SIGNALS + "', '') || ',') LIKE ?, count(*) "
                    + "FROM " + table + " WHERE realm_id = ? AND occurred_at >= ? AND occurred_at < ? "
                    + "AND type = '" + TxauthEvent.RISK_DECISION.auditType() + "' GROUP BY 1, 2, 3")) {
                ps.setString(1, request.bucket().sqlUnit());
                ps.setString(2, "%," + RiskSignal.UNKNOWN_DEVICE.eventName() + ",%");
                ps.setString(3, realmId);
                ps.setObject(4, OffsetDateTime.ofInstant(request.from(), ZoneOffset.UTC));
                ps.setObject(5, OffsetDateTime.ofInstant(request.to(), ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        addRisk(series, bucket(rs), rs.getString(2), rs.getBoolean(3), rs.getLong(4));
                    }
                }
            }
            // An IP refused many times in a bucket is one throttled IP; the rows are few (only refusals), and
            // the type is in the (realm_id, occurred_at) index, so only they are read from the table.
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

    private static void bindRange(PreparedStatement ps, StatsRequest request, String realmId) throws SQLException {
        ps.setString(1, request.bucket().sqlUnit());
        ps.setString(2, realmId);
        ps.setObject(3, OffsetDateTime.ofInstant(request.from(), ZoneOffset.UTC));
        ps.setObject(4, OffsetDateTime.ofInstant(request.to(), ZoneOffset.UTC));
    }

    static Instant bucket(ResultSet rs) throws SQLException {
        return rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }
}
