package dev.txauth.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sender's meters on Keycloak's global Micrometer registry ({@code /metrics} on the management port,
 * Prometheus names {@code txauth_webhook_*}). No tags: endpoint ids would make cardinality grow with the registry.
 */
final class WebhookMetrics implements AutoCloseable {

    final Counter delivered;
    final Counter retried;
    final Counter failed;
    final Timer attempt;
    /** Age of the oldest pending delivery (any node), refreshed by every poll. */
    final AtomicLong queueAgeMillis = new AtomicLong();
    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();

    WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
        delivered = counter("txauth.webhook.delivered", "Deliveries answered with 2xx");
        retried = counter("txauth.webhook.retried", "Failed attempts that will be tried again");
        failed = counter("txauth.webhook.failed", "Deliveries given up after the retry period");
        attempt = Timer.builder("txauth.webhook.attempt").description("Time of one HTTP attempt").register(registry);
        meters.add(attempt);
        meters.add(Gauge.builder("txauth.webhook.queue.age", queueAgeMillis, a -> a.get() / 1000.0)
                .description("Age of the oldest pending delivery").baseUnit("seconds").register(registry));
    }

    private Counter counter(String name, String description) {
        Counter c = Counter.builder(name).description(description).baseUnit(BaseUnits.EVENTS).register(registry);
        meters.add(c);
        return c;
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
    }
}
