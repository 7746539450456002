package dev.txauth.risk;

/**
 * What the flow does with a login, from least to most restrictive. {@link #STEP_UP_PASSKEY} is the payment-aware
 * escalation: a second factor is required and only a passkey counts.
 */
public enum RiskDecision {
    ALLOW,
    STEP_UP,
    STEP_UP_PASSKEY,
    DENY;

    public boolean atLeast(RiskDecision other) {
        return compareTo(other) >= 0;
    }

    /** The more restrictive of the two. */
    public RiskDecision max(RiskDecision other) {
        return atLeast(other) ? this : other;
    }
}
