package dev.txauth.authenticators.risk;

/** Auth-session notes the risk executions leave for each other within one login. */
public final class RiskNotes {

    /** The {@link RiskDecision} name of this login. */
    public static final String DECISION = "txauth.risk.decision";
    /** SHA-256 of this browser's device cookie (never the cookie itself). */
    public static final String DEVICE_HASH = "txauth.risk.device_hash";
    /** Set once a second factor passed and the device was recorded as known during this login. */
    public static final String DEVICE_TRUSTED = "txauth.risk.device_trusted";
    /** Set when a step-up was due but the user has no second factor: TOTP enrolment was required instead. */
    public static final String ENROLMENT_REQUIRED = "txauth.risk.enrolment_required";

    private RiskNotes() {
    }
}
