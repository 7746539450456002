package dev.txauth.authenticators.confirm.code;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;

/**
 * {@code txauth_code_capped_total{channel,reason}} on Keycloak's {@code /metrics}, next to the gateways'
 * {@code txauth_sms_*} counters: sends refused by a cap of docs/api.md §9. A rise in {@code destination-day} or
 * {@code user-hour} is what SMS pumping looks like. Both tags are small fixed sets.
 */
final class CodeMetrics {

    private CodeMetrics() {
    }

    static void capped(CodeChannel channel, SendCaps.Reason reason) {
        // register() returns the existing meter for the same name and tags, so this is a lookup after the first call
        Counter.builder("txauth.code.capped").description("Confirmation codes not sent because a cap was reached")
                .tag("channel", channel.factor()).tag("reason", reason.tag())
                .register(Metrics.globalRegistry).increment();
    }
}
