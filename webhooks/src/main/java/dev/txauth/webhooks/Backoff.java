package dev.txauth.webhooks;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: exponential ({@code base × 2^(attempt-1)}, at most {@code maxDelay}) with
 * "equal jitter" (a random point in the upper half of that delay), so the deliveries of one outage do not all come
 * back at the same second; and whether it is given up ({@code failed}) because its event is older than
 * {@code maxAge} (docs/api.md §11: 24 h).
 */
public record Backoff(Duration base, Duration maxDelay, Duration maxAge) {

    /** Delay after the {@code attempt}-th failed attempt (1 = the first). */
    public long delayMillis(int attempt, DoubleSupplier random) {
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long exponential = base.toMillis() << shift;
        long capped = exponential <= 0 || exponential > maxDelay.toMillis() ? maxDelay.toMillis() : exponential;
        return capped / 2 + (long) (random.getAsDouble() * (capped - capped / 2));
    }

    /** @return the time of the next attempt, or -1 when the delivery is past its age and becomes failed */
    public long nextAttemptAt(long now, long expiresAt, int attempt, DoubleSupplier random) {
        if (now >= expiresAt) {
            return -1;
        }
        return Math.min(now + delayMillis(attempt, random), expiresAt);
    }
}
