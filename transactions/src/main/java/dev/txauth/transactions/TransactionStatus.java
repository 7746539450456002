package dev.txauth.transactions;

/** Life of a registered payment: PENDING, then exactly one of APPROVED (then CONSUMED), DECLINED, LOCKED, EXPIRED. */
public enum TransactionStatus {
    PENDING, APPROVED, DECLINED, LOCKED, EXPIRED, CONSUMED
}
