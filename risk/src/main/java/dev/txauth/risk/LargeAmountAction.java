package dev.txauth.risk;

/** What a payment at or above the large-amount threshold from an unknown device leads to. */
public enum LargeAmountAction {
    /** Only the weight of the {@link RiskSignal#LARGE_AMOUNT} signal counts; the thresholds decide. */
    SCORE,
    /** At least a passkey step-up ({@link RiskDecision#STEP_UP_PASSKEY}). */
    PASSKEY,
    /** The login is refused. */
    DENY
}
