package dev.txauth.webhooks;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The sender every node runs: one poller thread claims due outbox rows in a short transaction of its own
 * ({@link DeliveryStore#claim}, {@code FOR UPDATE SKIP LOCKED}), a small pool makes the HTTP attempts outside any
 * transaction, and each outcome is recorded in another short transaction. A commit on this node that wrote outbox
 * rows wakes the poller at once; rows written on other nodes are found by the next poll.
 */
final class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    private final KeycloakSessionFactory sessions;
    private final WebhookConfig config;
    private final SecretSealer sealer;
    private final HttpAttempt http;
    private final Backoff backoff;
    private final WebhookMetrics metrics;
    private final ExecutorService pool;
    private final Thread poller;
    private final Object signal = new Object();
    private volatile boolean running = true;
    private boolean woken;

    WebhookSender(KeycloakSessionFactory sessions, WebhookConfig config, SecretSealer sealer, WebhookMetrics metrics) {
        this.sessions = sessions;
        this.config = config;
        this.sealer = sealer;
        this.metrics = metrics;
        this.http = new HttpAttempt(new AddressGuard(config.allowLoopback(), config.allowPrivate()), config.timeout());
        this.backoff = new Backoff(config.retryBase(), config.retryMaxDelay(), config.maxAge());
        this.pool = Executors.newFixedThreadPool(config.senderThreads(), r -> daemon(r, "txauth-webhook-send"));
        this.poller = daemon(this::run, "txauth-webhook-poll");
    }

    void start() {
        poller.start();
    }

    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    void stop() {
        running = false;
        wake();
        try {
            poller.join(config.timeout().toMillis() + 2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
        LOG.info("txauth-webhooks: sender stopped");
    }

    private void run() {
        while (running) {
            int claimed = 0;
            try {
                claimed = round();
            } catch (RuntimeException e) {
                // PostgreSQL unreachable or a bad row: the outbox keeps everything; try again next poll.
                LOG.warnf("txauth-webhooks: sending round failed (%s)", e.getClass().getSimpleName());
            }
            if (claimed < config.batchSize()) {
                await();
            }
        }
    }

    private int round() {
        long now = System.currentTimeMillis();
        List<Delivery> due = KeycloakModelUtils.runJobInTransactionWithResult(sessions, s -> {
            DeliveryStore store = new DeliveryStore(s);
            metrics.queueAgeMillis.set(store.oldestPendingAge(now));
            return store.claim(now, now + config.lease().toMillis(), config.batchSize());
        });
        List<Future<?>> running = new ArrayList<>(due.size());
        for (Delivery d : due) {
            running.add(pool.submit(() -> attempt(d)));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.warnf("txauth-webhooks: an attempt failed to record (%s)", e.getCause().getClass().getSimpleName());
            }
        }
        return due.size();
    }

    private void attempt(Delivery d) {
        String secret;
        try {
            secret = sealer.open(d.secretSealed(), d.endpointId(), d.realmId());
        } catch (IllegalStateException e) {
            // Not attempted, not counted as the receiver's failure: when the lease ends, a node holding the key
            // (secret-key-file the same on every node) claims it again. The message names key ids, never a secret.
            LOG.errorf("txauth-webhooks: delivery %s to endpoint %s not attempted: %s", d.id(), d.endpointId(),
                    e.getMessage());
            return;
        }
        long started = System.nanoTime();
        HttpAttempt.Outcome outcome = http.send(d.url(), d.webhookId(), secret, d.body(),
                System.currentTimeMillis() / 1000);
        metrics.attempt.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        long now = System.currentTimeMillis();
        if (outcome.delivered()) {
            KeycloakModelUtils.runJobInTransaction(sessions, s -> {
                DeliveryStore store = new DeliveryStore(s);
                store.delivered(d.id(), outcome.status(), now);
                store.endpointSucceeded(d.endpointId());
            });
            metrics.delivered.increment();
            return;
        }
        long next = backoff.nextAttemptAt(now, d.expiresAt(), d.attempt(), ThreadLocalRandom.current()::nextDouble);
        KeycloakModelUtils.runJobInTransaction(sessions, s -> {
            DeliveryStore store = new DeliveryStore(s);
            store.attemptFailed(d.id(), outcome.status(), outcome.error(), next);
            RealmDeliverySettings realm = WebhookSettingsTab.settings(s, s.realms().getRealm(d.realmId()));
            store.endpointFailed(d.endpointId(), realm.pauseAfterFailures(), now + realm.pause().toMillis());
        });
        (next < 0 ? metrics.failed : metrics.retried).increment();
        LOG.debugf("txauth-webhooks: delivery %s attempt %d failed (%s)%s", d.id(), d.attempt(), outcome.error(),
                next < 0 ? ", given up" : "");
    }

    private void await() {
        synchronized (signal) {
            if (!woken && running) {
                try {
                    signal.wait(config.pollInterval().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
