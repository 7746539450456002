package dev.txauth.sms;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SMS counters on Keycloak's global Micrometer registry, exposed at {@code /metrics} as {@code txauth_sms_*_total}.
 * Tags are the provider id and the failure reason only — both small fixed sets, so cardinality stays bounded.
 * No base unit: Prometheus would append it ({@code txauth_sms_sent_messages_total}), and docs/sms.md names them without.
 */
public final class SmsMetrics implements AutoCloseable {

    private final MeterRegistry registry;
    private final Counter failed;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public SmsMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.failed = Counter.builder("txauth.sms.failed")
                .description("SMS that no gateway of the failover list took").register(registry);
    }

    void sent(String provider) {
        counter("txauth.sms.sent", "SMS a gateway accepted", provider, null).increment();
    }

    void rejected(String provider) {
        counter("txauth.sms.rejected", "SMS a gateway refused as the caller's fault (4xx); not tried elsewhere",
                provider, null).increment();
    }

    void attemptFailed(String provider, SmsOutcome.Reason reason) {
        counter("txauth.sms.attempts.failed", "Gateway attempts that failed (timeout, connection, 5xx); the next gateway is tried",
                provider, reason).increment();
    }

    void failed() {
        failed.increment();
    }

    private Counter counter(String name, String description, String provider, SmsOutcome.Reason reason) {
        String key = name + '|' + provider + '|' + reason;
        return counters.computeIfAbsent(key, k -> {
            Counter.Builder builder = Counter.builder(name).description(description)
                    .tag("provider", provider);
            if (reason != null) {
                builder.tag("reason", reason.tag());
            }
            return builder.register(registry);
        });
    }

    @Override
    public void close() {
        List<Meter> meters = new java.util.ArrayList<>(counters.values());
        meters.add(failed);
        meters.forEach(registry::remove);
        counters.clear();
    }
}
