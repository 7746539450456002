package dev.txauth.risk;

/**
 * A reason a login looks risky. The lower-case {@link #eventName()} is what audit events carry in {@code risk_signals};
 * it is never shown to the user.
 */
public enum RiskSignal {
    UNKNOWN_DEVICE("unknown_device"),
    NEW_NETWORK("new_network"),
    USER_FAILURES("user_failures"),
    IP_FAILURES("ip_failures"),
    LOGIN_VELOCITY("login_velocity"),
    USER_AGENT_CHANGE("user_agent_change"),
    LARGE_AMOUNT("large_amount");

    private final String eventName;

    RiskSignal(String eventName) {
        this.eventName = eventName;
    }

    public String eventName() {
        return eventName;
    }
}
