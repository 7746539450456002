package dev.txauth.testkit.database;

import dev.txauth.testkit.server.TxauthServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Direct access to txauth_transaction, for what a test cannot wait for (five minutes passing). */
public final class TransactionTable {

    private TransactionTable() {
    }

    /** Moves the transaction's deadlines into the past, as if its lifetime had run out. */
    public static void expire(TxauthServer server, String id) throws Exception {
        try (Connection db = server.openDatabase();
             PreparedStatement update = db.prepareStatement("UPDATE txauth_transaction SET expires_at = expires_at - 301,"
                     + " approval_expires_at = approval_expires_at - 121 WHERE id = ?")) {
            update.setString(1, id);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("No transaction " + id);
            }
        }
    }

    public static String status(TxauthServer server, String id) throws Exception {
        try (Connection db = server.openDatabase();
             PreparedStatement query = db.prepareStatement("SELECT status FROM txauth_transaction WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
