package dev.txauth.audit.stats;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code GET /admin/realms/{realm}/txauth-audit/stats} (docs/api.md §12): dense series per bucket from the
 * audit table and, for NGN volume, from {@code txauth_transaction}. The chain's state is not here: verifying walks
 * every row of the realm, so the dashboard asks {@code /verify} separately instead of paying for it on every chart.
 */
public final class AuditStats {


    private final AuditStatsQuery audit;
    private final TransactionTableQuery transactions;

    public AuditStats(AuditStatsQuery audit, TransactionTableQuery transactions) {
        this.audit = audit;
        this.transactions = transactions;
    }

    public Map<String, Object> compute(String realmId, StatsRequest request) throws SQLException {
        StatsSeries series = new StatsSeries(request.bucketStarts());
        AuditStatsQuery.declare(series);
        TransactionTableQuery.declare(series);
        audit.fill(realmId, request, series);
        transactions.fill(realmId, request, series);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", request.from().toString());
        body.put("to", request.to().toString());
        body.put("bucket", request.bucket().sqlUnit());
        body.put("buckets", series.bucketLabels());
        body.put("series", series.values());
        body.put("totals", series.totals());
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("ngn_volume", "txauth_transaction");
        sources.put(AuditStatsQuery.THROTTLED_IPS, "txauth_audit_event");
        body.put("sources", sources);
        return body;
    }
}
