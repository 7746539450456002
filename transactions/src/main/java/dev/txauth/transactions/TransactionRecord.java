package dev.txauth.transactions;

/**
 * One row of {@code txauth_transaction}. {@code detail} is the RFC 8785 canonical JSON of the registered detail
 * including its {@code identifier}: the exact bytes the user approves, the passkey signs and {@code txn_hash} covers.
 */
public record TransactionRecord(String id, String realmId, String userId, String clientId, String initiatorClientId,
                                TransactionStatus status, String detail, String nonce, int failedAttempts,
                                long createdAt, long expiresAt, Long approvedAt, Long approvalExpiresAt,
                                String method, String userSessionId) {

    public boolean pendingExpired(long now) {
        return status == TransactionStatus.PENDING && expiresAt <= now;
    }

    public boolean approvalExpired(long now) {
        return status == TransactionStatus.APPROVED && approvalExpiresAt != null && approvalExpiresAt <= now;
    }
}
