package dev.txauth.audit.stats;

import dev.txauth.audit.ConnectionSource;
import dev.txauth.model.PaymentInitiation;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The NGN volume of docs/api.md §12. Audit rows carry no amounts (docs/api.md §7), so the sums come from
 * {@code txauth_transaction} in Keycloak's own database (written by the transactions module, docs/api.md §3): the
 * {@code instructedAmount} of each NGN payment registered in the period, grouped by UTC bucket of its registration
 * and its current status. Only the amount and currency members are read; never an account.
 */
public final class TransactionTableQuery {

    public static final String VOLUME_PREFIX = "ngn_volume_";
    static final String[] STATUSES = {"PENDING", "APPROVED", "CONSUMED", "DECLINED", "LOCKED", "EXPIRED"};

    private final ConnectionSource keycloakDatabase;

    public TransactionTableQuery(ConnectionSource keycloakDatabase) {
        this.keycloakDatabase = keycloakDatabase;
    }

    public static void declare(StatsSeries series) {
        for (String status : STATUSES) {
            series.amount(VOLUME_PREFIX + status.toLowerCase(Locale.ROOT));
        }
    }

    public void fill(String realmId, StatsRequest request, StatsSeries series) throws SQLException {
        String amount = member(PaymentInitiation.INSTRUCTED_AMOUNT, PaymentInitiation.AMOUNT);
        String currency = member(PaymentInitiation.INSTRUCTED_AMOUNT, PaymentInitiation.CURRENCY);
        // created_at is epoch seconds (the transactions changelog); the amount is validated decimal text, and the
        // pattern keeps one odd row from failing the whole sum.
        String sql = "SELECT date_trunc(?, to_timestamp(created_at) AT TIME ZONE 'UTC'), status, sum(CASE WHEN "
                + amount + " ~ '^[0-9]{1,15}(\\.[0-9]{1,4})?$' THEN (" + amount + ")::numeric ELSE 0 END) "
                + "FROM " + keycloakDatabase.schemaPrefix() + "txauth_transaction WHERE realm_id = ? "
                + "AND created_at >= ? AND created_at < ? AND " + currency + " = 'NGN' GROUP BY 1, 2";
        try (Connection c = keycloakDatabase.open(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, request.bucket().sqlUnit());
            ps.setString(2, realmId);
            ps.setLong(3, request.from().getEpochSecond());
            ps.setLong(4, request.to().getEpochSecond());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = VOLUME_PREFIX + rs.getString(2).toLowerCase(Locale.ROOT);
                    BigDecimal sum = rs.getBigDecimal(3);
                    if (isStatus(rs.getString(2)) && sum != null) {
                        series.add(name, AuditStatsQuery.bucket(rs), sum);
                    }
                }
            }
        }
    }

    /**
     * A user's newest transactions for the dashboard's user view: amount, payee and the account's last four digits
     * only (docs/api.md §7), cut in SQL so the full account number never leaves the database.
     */
    public List<Map<String, Object>> ofUser(String realmId, String userId, int max) throws SQLException {
        String sql = "SELECT id, status, created_at, " + member(PaymentInitiation.INSTRUCTED_AMOUNT,
                PaymentInitiation.AMOUNT) + ", " + member(PaymentInitiation.INSTRUCTED_AMOUNT,
                PaymentInitiation.CURRENCY) + ", " + member(PaymentInitiation.CREDITOR_NAME) + ", right("
                + member(PaymentInitiation.CREDITOR_ACCOUNT, PaymentInitiation.IDENTIFICATION) + ", 4) FROM "
                + keycloakDatabase.schemaPrefix() + "txauth_transaction WHERE realm_id = ? AND user_id = ? "
                + "ORDER BY created_at DESC, id LIMIT ?";
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = keycloakDatabase.open(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, realmId);
            ps.setString(2, userId);
            ps.setInt(3, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("transaction_id", rs.getString(1));
                    m.put("status", rs.getString(2));
                    m.put("created_at", Instant.ofEpochSecond(rs.getLong(3)).toString());
                    m.put("amount", rs.getString(4));
                    m.put("currency", rs.getString(5));
                    m.put("payee", rs.getString(6));
                    m.put("account_last4", rs.getString(7));
                    out.add(m);
                }
            }
        }
        return out;
    }

    private static String member(String... path) {
        return "(detail::jsonb #>> '{" + String.join(",", path) + "}')";
    }

    private static boolean isStatus(String status) {
        for (String s : STATUSES) {
            if (s.equals(status)) {
                return true;
            }
        }
        return false;
    }
}
