package dev.txauth.testkit.database;

import dev.txauth.testkit.server.TxauthServer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Direct access to txauth_confirmation_failure, for what a test cannot wait for (a 15-minute block passing). */
public final class ConfirmationFailureTable {

    private ConfirmationFailureTable() {
    }

    /** Moves the user's block into the past, as if the block time had run out. */
    public static void endBlock(TxauthServer server, String userId) throws Exception {
        try (Connection db = server.openDatabase();
             PreparedStatement update = db.prepareStatement("UPDATE txauth_confirmation_failure SET blocked_until = 1"
                     + " WHERE user_id = ? AND blocked_until > 1")) {
            update.setString(1, userId);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("User " + userId + " is not blocked");
            }
        }
    }

    /** The user's consecutive failed confirmations as stored; 0 without a row. */
    public static int failures(TxauthServer server, String userId) throws Exception {
        try (Connection db = server.openDatabase();
             PreparedStatement query = db.prepareStatement(
                     "SELECT failures FROM txauth_confirmation_failure WHERE user_id = ?")) {
            query.setString(1, userId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }
}
