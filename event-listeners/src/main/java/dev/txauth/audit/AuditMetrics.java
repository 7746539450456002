package dev.txauth.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The writer's meters on Keycloak's global Micrometer registry, which the management interface exposes at
 * {@code /metrics} (Prometheus names {@code txauth_audit_*}). No tags: cardinality stays constant.
 */
final class AuditMetrics implements AutoCloseable {

    final Counter queued;
    final Counter written;
    final Counter duplicates;
    final Counter spooled;
    final Counter failed;
    final Counter writeErrors;
    final Timer writeLatency;
    private final MeterRegistry registry;
    /** Held here: a FunctionCounter only keeps a weak reference to what it reads, which would let it be collected. */
    private final Supplier<Number> spoolRefused;
    private final List<Meter> meters = new ArrayList<>();

    AuditMetrics(MeterRegistry registry, Supplier<Number> queueDepth, Supplier<Number> spoolBytes,
                 Supplier<Number> spoolRefused) {
        this.registry = registry;
        this.spoolRefused = spoolRefused;
        queued = counter("txauth.audit.queued", "Audit events accepted after their Keycloak transaction committed");
        written = counter("txauth.audit.written", "Audit rows inserted into PostgreSQL");
        duplicates = counter("txauth.audit.duplicates", "Replayed audit events that were already stored");
        spooled = counter("txauth.audit.spooled", "Audit events accepted while PostgreSQL was unreachable");
        failed = counter("txauth.audit.failed", "Audit events that could not be kept (spool full or unwritable)");
        writeErrors = counter("txauth.audit.write.errors", "Batch writes to PostgreSQL that failed");
        writeLatency = Timer.builder("txauth.audit.write").description("Time to insert one batch")
                .register(registry);
        meters.add(writeLatency);
        meters.add(Gauge.builder("txauth.audit.queue.depth", () -> queueDepth.get())
                .description("Audit events waiting in memory for the writer").register(registry));
        meters.add(Gauge.builder("txauth.audit.spool.bytes", () -> spoolBytes.get())
                .description("Bytes in the local audit spool not yet confirmed by PostgreSQL").baseUnit(BaseUnits.BYTES)
                .register(registry));
        meters.add(FunctionCounter.builder("txauth.audit.spool.refused", this.spoolRefused,
                        n -> n.get().doubleValue())
                .description("Spool lines refused because their HMAC does not verify (injected or edited)")
                .baseUnit(BaseUnits.EVENTS).register(registry));
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
