package dev.txauth.webhooks;

import java.time.Duration;
import java.util.Map;

/**
 * The delivery settings an admin may change per realm (admin console: Realm settings → txauth-webhooks, saved as
 * that tab's component, see {@link WebhookSettingsTab}); a key the realm has not set keeps the server option's value.
 */
public record RealmDeliverySettings(Duration maxAge, int pauseAfterFailures, Duration pause) {

    public static final String MAX_AGE_SECONDS = WebhookConfig.MAX_AGE_SECONDS;
    public static final String PAUSE_AFTER_FAILURES = WebhookConfig.PAUSE_AFTER_FAILURES;
    public static final String PAUSE_SECONDS = WebhookConfig.PAUSE_SECONDS;
    /** Bounds: at least a minute and at most a week of retries; a pause between 10 s and a day. */
    static final long MAX_AGE_MIN = 60;
    static final long MAX_AGE_MAX = 7 * 86_400;
    static final int PAUSE_AFTER_MAX = 10_000;
    static final long PAUSE_MIN = 10;
    static final long PAUSE_MAX = 86_400;

    static RealmDeliverySettings defaults(WebhookConfig server) {
        return new RealmDeliverySettings(server.maxAge(), server.pauseAfterFailures(), server.pause());
    }

    /** @throws IllegalArgumentException naming the setting and its allowed range */
    static RealmDeliverySettings parse(Map<String, String> config, WebhookConfig server) {
        return new RealmDeliverySettings(
                Duration.ofSeconds(number(config, MAX_AGE_SECONDS, server.maxAge().toSeconds(), MAX_AGE_MIN,
                        MAX_AGE_MAX)),
                (int) number(config, PAUSE_AFTER_FAILURES, server.pauseAfterFailures(), 1, PAUSE_AFTER_MAX),
                Duration.ofSeconds(number(config, PAUSE_SECONDS, server.pause().toSeconds(), PAUSE_MIN, PAUSE_MAX)));
    }

    private static long number(Map<String, String> config, String key, long fallback, long min, long max) {
        String raw = config.get(key);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number between " + min + " and " + max);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max);
        }
        return value;
    }
}
