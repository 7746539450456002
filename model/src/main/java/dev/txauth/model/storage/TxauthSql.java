package dev.txauth.model.storage;

import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL on txauth's own tables, run on the JDBC connection of Keycloak's current transaction (Jakarta Persistence 3.2
 * {@code callWithConnection}): a write commits or rolls back with the request, exactly as through the
 * EntityManager. Parameters are JPA-style positions, {@code ?1}, {@code ?2}, …, each may appear more than once;
 * {@code params[0]} is {@code ?1}.
 * <p>
 * Why not {@code EntityManager.createNativeQuery}: for tables Hibernate has no entity of, its query machinery
 * (parsing the parameters, discovering the result mapping, the auto-flush check, the query-space cleanup after an
 * update) cost ≈ 0.5 ms of CPU per statement in the issue 15 profile, a third of each round trip on the login path.
 * Nothing of Keycloak's is pending that these statements could miss: they read and write txauth tables only. A
 * statement that touches Keycloak's own tables belongs on the EntityManager, so Hibernate flushes before it
 * ({@code EndpointPresence} locking the realm row).
 */
public final class TxauthSql {

    /**
     * A bound on a wait behind another transaction's row lock (a concurrent login of the same user on another node),
     * as Hibernate sets one on its statements from the transaction timeout.
     */
    static final int STATEMENT_TIMEOUT_SECONDS = 30;
    private static final Pattern POSITION = Pattern.compile("\\?(\\d+)");
    /** Translations of the statements seen; txauth's SQL is a bounded set of shapes, the cap is a safety net. */
    private static final Map<String, Positional> TRANSLATED = new ConcurrentHashMap<>();
    private static final int MAX_TRANSLATED = 2_000;

    private final EntityManager em;

    private TxauthSql(EntityManager em) {
        this.em = em;
    }

    public static TxauthSql of(KeycloakSession session) {
        return new TxauthSql(session.getProvider(JpaConnectionProvider.class).getEntityManager());
    }

    /** The rows of a query, each as its columns in select order ({@code ResultSet.getObject}). */
    public List<Object[]> rows(String sql, Object... params) {
        return run(sql, params, statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                List<Object[]> rows = new ArrayList<>();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = rs.getObject(c + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        });
    }

    /** The first column of a query's only row (an aggregate, a lock); refuses zero rows or more than one. */
    public Object value(String sql, Object... params) {
        List<Object[]> rows = rows(sql, params);
        if (rows.size() != 1) {
            throw new IllegalStateException(rows.size() + " rows where one was expected: " + sql);
        }
        return rows.get(0)[0];
    }

    /** Runs an insert, update or delete; the number of rows it changed. */
    public int update(String sql, Object... params) {
        return run(sql, params, PreparedStatement::executeUpdate);
    }

    private <T> T run(String sql, Object[] params, StatementCall<T> call) {
        Positional positional = Positional.of(sql);
        for (int position : positional.order()) {
            if (position < 1 || position > params.length) {
                throw new IllegalArgumentException("?" + position + " has no parameter (" + params.length
                        + " given) in: " + sql);
            }
        }
        return em.callWithConnection((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(positional.jdbcSql())) {
                statement.setQueryTimeout(STATEMENT_TIMEOUT_SECONDS);
                for (int i = 0; i < positional.order().length; i++) {
                    statement.setObject(i + 1, params[positional.order()[i] - 1]);
                }
                return call.apply(statement);
            }
        });
    }

    @FunctionalInterface
    private interface StatementCall<T> {
        T apply(PreparedStatement statement) throws SQLException;
    }

    /** A statement with {@code ?N} turned into JDBC's {@code ?}, and which parameter each {@code ?} takes. */
    record Positional(String jdbcSql, int[] order) {

        static Positional of(String sql) {
            Positional known = TRANSLATED.get(sql);
            if (known != null) {
                return known;
            }
            Matcher m = POSITION.matcher(sql);
            StringBuilder jdbc = new StringBuilder();
            List<Integer> order = new ArrayList<>();
            while (m.find()) {
                order.add(Integer.parseInt(m.group(1)));
                m.appendReplacement(jdbc, "?");
            }
            m.appendTail(jdbc);
            Positional translated = new Positional(jdbc.toString(), order.stream().mapToInt(Integer::intValue).toArray());
            if (TRANSLATED.size() < MAX_TRANSLATED) {
                TRANSLATED.put(sql, translated);
            }
            return translated;
        }
    }
}
