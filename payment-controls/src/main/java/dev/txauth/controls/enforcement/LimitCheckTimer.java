package dev.txauth.controls.enforcement;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.TimeUnit;

/**
 * The server time the payment controls add (docs/payment-controls.md "Cost"): one timer per stage on Keycloak's
 * global registry, exposed at the management interface's {@code /metrics} as
 * {@code txauth_limits_check_seconds{stage="register"|"approval",quantile="0.5"}}. Two fixed tags: constant cardinality.
 */
final class LimitCheckTimer {

    private LimitCheckTimer() {
    }

    static void record(LimitEnforcement.Stage stage, long startedNanos) {
        Timer.builder("txauth.limits.check").description("Payment-controls check (docs/api.md §8)")
                .tag("stage", stage.wireName()).publishPercentiles(0.5).register(Metrics.globalRegistry)
                .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }
}
