package dev.txauth.risk;

import org.jboss.logging.Logger;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Typed view of a {@code txauth-device-risk} execution's config. A missing or malformed value falls back to its default
 * (logged), so an admin's typo never breaks every login; the defaults are {@link RiskDefaults}, documented in docs/device-risk.md.
 */
public final class RiskConfig {

    public static final String WEIGHT_PREFIX = "weight-";
    public static final String USER_FAILURE_THRESHOLD = "user-failure-threshold";
    public static final String IP_FAILURE_THRESHOLD = "ip-failure-threshold";
    public static final String FAILURE_WINDOW_MINUTES = "failure-window-minutes";
    public static final String VELOCITY_MAX_LOGINS = "velocity-max-logins";
    public static final String VELOCITY_WINDOW_MINUTES = "velocity-window-minutes";
    public static final String LARGE_AMOUNT_THRESHOLD = "large-amount-threshold";
    public static final String LARGE_AMOUNT_ACTION = "large-amount-action";
    public static final String STEP_UP_THRESHOLD = "step-up-threshold";
    public static final String DENY_THRESHOLD = "deny-threshold";

    /** Counters keep at most this much history, so windows are capped to it. */
    public static final int MAX_WINDOW_MINUTES = 60;

    private static final Logger LOG = Logger.getLogger(RiskConfig.class);

    public static final List<ProviderConfigProperty> PROPERTIES = properties();

    private final Map<String, String> values;
    private final String alias;

    private RiskConfig(Map<String, String> values, String alias) {
        this.values = values == null ? Map.of() : values;
        this.alias = alias;
    }

    public static RiskConfig of(AuthenticatorConfigModel model) {
        return model == null ? new RiskConfig(Map.of(), "defaults") : new RiskConfig(model.getConfig(), model.getAlias());
    }

    public static RiskConfig of(Map<String, String> values) {
        return new RiskConfig(values, "map");
    }

    public static String weightKey(RiskSignal signal) {
        return WEIGHT_PREFIX + signal.eventName().replace('_', '-');
    }

    /** The policy this config describes; an inconsistent combination (step-up above deny) falls back to the defaults. */
    public RiskPolicy policy() {
        Map<RiskSignal, Integer> weights = new EnumMap<>(RiskSignal.class);
        for (RiskSignal signal : RiskSignal.values()) {
            weights.put(signal, integer(weightKey(signal), RiskDefaults.WEIGHTS.get(signal), 0, 100));
        }
        try {
            return new RiskPolicy(weights, integer(USER_FAILURE_THRESHOLD, RiskDefaults.USER_FAILURE_THRESHOLD, 1, 1000),
                    integer(IP_FAILURE_THRESHOLD, RiskDefaults.IP_FAILURE_THRESHOLD, 1, 100000),
                    integer(VELOCITY_MAX_LOGINS, RiskDefaults.VELOCITY_MAX_LOGINS, 1, 1000),
                    largeAmountThreshold(), largeAmountAction(),
                    integer(STEP_UP_THRESHOLD, RiskDefaults.STEP_UP_THRESHOLD, 1, 101),
                    integer(DENY_THRESHOLD, RiskDefaults.DENY_THRESHOLD, 1, 101));
        } catch (IllegalArgumentException e) {
            LOG.warnf("txauth-device-risk config %s is inconsistent (%s); using the defaults", alias, e.getMessage());
            return of(Map.of()).policy();
        }
    }

    public int failureWindowMinutes() {
        return integer(FAILURE_WINDOW_MINUTES, RiskDefaults.FAILURE_WINDOW_MINUTES, 1, MAX_WINDOW_MINUTES);
    }

    public int velocityWindowMinutes() {
        return integer(VELOCITY_WINDOW_MINUTES, RiskDefaults.VELOCITY_WINDOW_MINUTES, 1, MAX_WINDOW_MINUTES);
    }

    public long failureWindowMillis() {
        return failureWindowMinutes() * 60_000L;
    }

    private BigDecimal largeAmountThreshold() {
        String raw = values.get(LARGE_AMOUNT_THRESHOLD);
        BigDecimal fallback = RiskDefaults.largeAmountThreshold();
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            BigDecimal parsed = new BigDecimal(raw.trim());
            return parsed.signum() > 0 ? parsed : fallback;
        } catch (NumberFormatException e) {
            LOG.warnf("txauth-device-risk config %s: %s is not a decimal; using %s", alias, LARGE_AMOUNT_THRESHOLD,
                    fallback);
            return fallback;
        }
    }

    private LargeAmountAction largeAmountAction() {
        String raw = values.get(LARGE_AMOUNT_ACTION);
        if (raw != null) {
            for (LargeAmountAction action : LargeAmountAction.values()) {
                if (action.name().equalsIgnoreCase(raw.trim())) {
                    return action;
                }
            }
        }
        return RiskDefaults.LARGE_AMOUNT_ACTION;
    }

    private int integer(String key, int fallback, int min, int max) {
        String raw = values.get(key);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // fall through to the warning
        }
        LOG.warnf("txauth-device-risk config %s: %s must be an integer %d-%d; using %d", alias, key, min, max,
                fallback);
        return fallback;
    }

    private static List<ProviderConfigProperty> properties() {
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create();
        weight(builder, RiskSignal.UNKNOWN_DEVICE, "Unknown device",
                "The browser's TXAUTH_DEVICE cookie is not a device this user confirmed with a second factor.");
        weight(builder, RiskSignal.NEW_NETWORK, "Network never seen",
                "The client IPv4 /24 or IPv6 /48 is not the last network of any of the user's known devices.");
        weight(builder, RiskSignal.USER_FAILURES, "Recent failures of the user",
                "The user failed at least 'User failure count' logins inside the failure window.");
        weight(builder, RiskSignal.IP_FAILURES, "Recent failures from the IP",
                "The client IP failed at least 'IP failure count' logins (any user) inside the failure window.");
        weight(builder, RiskSignal.LOGIN_VELOCITY, "Login velocity",
                "The user logged in at least 'Velocity: max logins' times inside the velocity window.");
        weight(builder, RiskSignal.USER_AGENT_CHANGE, "Browser family change",
                "The browser/OS family differs from the user's most recently used known device.");
        weight(builder, RiskSignal.LARGE_AMOUNT, "Large payment from unknown device",
                "acr_values=transaction with an amount at or above the large-amount threshold, on an unknown device.");
        return builder
                .property().name(STEP_UP_THRESHOLD).label("Step-up threshold").type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(RiskDefaults.STEP_UP_THRESHOLD).helpText("Score (0-100) at or above which a second factor is required. 101 = never.")
                .add()
                .property().name(DENY_THRESHOLD).label("Deny threshold").type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(RiskDefaults.DENY_THRESHOLD).helpText("Score at or above which the login is refused. 101 = never. Must be >= the step-up threshold.")
                .add()
                .property().name(USER_FAILURE_THRESHOLD).label("User failure count").type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(RiskDefaults.USER_FAILURE_THRESHOLD).helpText("Failed logins of the user inside the failure window that fire the signal.").add()
                .property().name(IP_FAILURE_THRESHOLD).label("IP failure count").type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(RiskDefaults.IP_FAILURE_THRESHOLD).helpText("Failed logins from one IP (any user) inside the failure window that fire the signal.").add()
                .property().name(FAILURE_WINDOW_MINUTES).label("Failure window (minutes)").type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(RiskDefaults.FAILURE_WINDOW_MINUTES).helpText("How far back failed logins count, 1-60 minutes.").add()
                .property().name(VELOCITY_MAX_LOGINS).label("Velocity: max logins").type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(RiskDefaults.VELOCITY_MAX_LOGINS).helpText("Successful logins of the user inside the velocity window that fire the signal.").add()
                .property().name(VELOCITY_WINDOW_MINUTES).label("Velocity window (minutes)").type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(RiskDefaults.VELOCITY_WINDOW_MINUTES).helpText("How far back successful logins count, 1-60 minutes.").add()
                .property().name(LARGE_AMOUNT_THRESHOLD).label("Large-amount threshold").type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(RiskDefaults.LARGE_AMOUNT_THRESHOLD).helpText("Decimal amount (any currency) at or above which a payment counts as large.").add()
                .property().name(LARGE_AMOUNT_ACTION).label("Large amount on unknown device").type(ProviderConfigProperty.LIST_TYPE)
                .options("DENY", "PASSKEY", "SCORE").defaultValue(RiskDefaults.LARGE_AMOUNT_ACTION.name())
                .helpText("DENY: refuse. PASSKEY: require a passkey (not OTP). SCORE: only add the signal's weight.").add()
                .build();
    }

    private static void weight(ProviderConfigurationBuilder builder, RiskSignal signal, String label, String help) {
        builder.property().name(weightKey(signal)).label("Weight: " + label).type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(RiskDefaults.WEIGHTS.get(signal)).helpText(help + " Weight 0-100, 0 disables the signal.").add();
    }
}
