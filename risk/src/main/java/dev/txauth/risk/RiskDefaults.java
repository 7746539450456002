package dev.txauth.risk;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ONE source of the device-risk defaults: what {@link RiskConfig} falls back to, what the admin console shows as
 * defaults, and what {@code realm-config/payments-realm.json}, README.md and docs/device-risk.md state
 * ({@code RiskDefaultsDocumentedTest} fails when one of them says otherwise).
 */
public final class RiskDefaults {

    public static final int STEP_UP_THRESHOLD = 40;
    public static final int DENY_THRESHOLD = 80;
    public static final int USER_FAILURE_THRESHOLD = 3;
    public static final int IP_FAILURE_THRESHOLD = 10;
    public static final int FAILURE_WINDOW_MINUTES = 15;
    public static final int VELOCITY_MAX_LOGINS = 10;
    public static final int VELOCITY_WINDOW_MINUTES = 10;
    public static final String LARGE_AMOUNT_THRESHOLD = "100000.00";
    public static final LargeAmountAction LARGE_AMOUNT_ACTION = LargeAmountAction.DENY;

    public static final Map<RiskSignal, Integer> WEIGHTS = weights();

    private RiskDefaults() {
    }

    public static BigDecimal largeAmountThreshold() {
        return new BigDecimal(LARGE_AMOUNT_THRESHOLD);
    }

    /** Every default as the execution config an admin would write: key → value text. */
    public static Map<String, String> asConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        WEIGHTS.forEach((signal, weight) -> config.put(RiskConfig.weightKey(signal), Integer.toString(weight)));
        config.put(RiskConfig.STEP_UP_THRESHOLD, Integer.toString(STEP_UP_THRESHOLD));
        config.put(RiskConfig.DENY_THRESHOLD, Integer.toString(DENY_THRESHOLD));
        config.put(RiskConfig.USER_FAILURE_THRESHOLD, Integer.toString(USER_FAILURE_THRESHOLD));
        config.put(RiskConfig.IP_FAILURE_THRESHOLD, Integer.toString(IP_FAILURE_THRESHOLD));
        config.put(RiskConfig.FAILURE_WINDOW_MINUTES, Integer.toString(FAILURE_WINDOW_MINUTES));
        config.put(RiskConfig.VELOCITY_MAX_LOGINS, Integer.toString(VELOCITY_MAX_LOGINS));
        config.put(RiskConfig.VELOCITY_WINDOW_MINUTES, Integer.toString(VELOCITY_WINDOW_MINUTES));
        config.put(RiskConfig.LARGE_AMOUNT_THRESHOLD, LARGE_AMOUNT_THRESHOLD);
        config.put(RiskConfig.LARGE_AMOUNT_ACTION, LARGE_AMOUNT_ACTION.name());
        return config;
    }

    private static Map<RiskSignal, Integer> weights() {
        Map<RiskSignal, Integer> weights = new EnumMap<>(RiskSignal.class);
        weights.put(RiskSignal.UNKNOWN_DEVICE, 40);
        weights.put(RiskSignal.NEW_NETWORK, 20);
        weights.put(RiskSignal.USER_FAILURES, 30);
        weights.put(RiskSignal.IP_FAILURES, 50);
        weights.put(RiskSignal.LOGIN_VELOCITY, 20);
        weights.put(RiskSignal.USER_AGENT_CHANGE, 15);
        weights.put(RiskSignal.LARGE_AMOUNT, 40);
        return java.util.Collections.unmodifiableMap(weights);
    }
}
