package dev.txauth.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/** Where audit rows go: a separate PostgreSQL (own JDBC connections) or Keycloak's pool. */
public interface ConnectionSource {

    Connection open() throws SQLException;

    /** Schema prefix for table names ({@code "schema."} or empty). */
    default String schemaPrefix() {
        return "";
    }

    /**
     * A PostgreSQL reached with the driver Keycloak ships. Short connect and socket timeouts: the writer must notice
     * an unreachable database in seconds and switch to spooling, never hang.
     */
    static ConnectionSource jdbc(String url, String user, String password) {
        org.postgresql.Driver driver = new org.postgresql.Driver();
        return () -> {
            Properties p = new Properties();
            if (user != null) {
                p.setProperty("user", user);
            }
            if (password != null) {
                p.setProperty("password", password);
            }
            p.setProperty("connectTimeout", "5");
            p.setProperty("socketTimeout", "30");
            p.setProperty("loginTimeout", "5");
            p.setProperty("ApplicationName", "txauth-audit");
            // One multi-row INSERT per batch instead of one statement per row.
            p.setProperty("reWriteBatchedInserts", "true");
            Connection c = driver.connect(url, p);
            if (c == null) {
                throw new SQLException("Not a PostgreSQL JDBC URL: txauth-audit jdbc-url");
            }
            return c;
        };
    }
}
