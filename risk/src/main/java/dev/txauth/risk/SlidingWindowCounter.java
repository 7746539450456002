package dev.txauth.risk;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts events per key inside a time window of at most the retention (failed logins per IP, logins per user). In memory on this node:
 * bounded in keys and in events per key, so a flood of distinct IPs cannot exhaust the heap. Thread-safe.
 */
public final class SlidingWindowCounter {

    private final long retentionMillis;
    private final int maxKeys;
    private final int maxEventsPerKey;
    private final ConcurrentHashMap<String, Deque<Long>> events = new ConcurrentHashMap<>();

    public SlidingWindowCounter(long retentionMillis, int maxKeys, int maxEventsPerKey) {
        if (retentionMillis <= 0 || maxKeys < 1 || maxEventsPerKey < 1) {
            throw new IllegalArgumentException("retention, maxKeys and maxEventsPerKey must be positive");
        }
        this.retentionMillis = retentionMillis;
        this.maxKeys = maxKeys;
        this.maxEventsPerKey = maxEventsPerKey;
    }

    public void record(String key, long nowMillis) {
        if (key == null) {
            return;
        }
        if (events.size() >= maxKeys && !events.containsKey(key)) {
            evictExpired(nowMillis);
            if (events.size() >= maxKeys) {
                // Still full of live keys: forget everything rather than grow without bound (an attack in progress
                // would refill it within seconds, and the user-side counters come from Keycloak's brute-force data).
                events.clear();
            }
        }
        Deque<Long> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, nowMillis);
            times.addLast(nowMillis);
            while (times.size() > maxEventsPerKey) {
                times.removeFirst();
            }
        }
    }

    /** Events for {@code key} in {@code (now - window, now]} (window capped at the retention), at most the per-key cap. */
    public int count(String key, long nowMillis, long windowMillis) {
        if (key == null) {
            return 0;
        }
        Deque<Long> times = events.get(key);
        if (times == null) {
            return 0;
        }
        long from = nowMillis - Math.min(windowMillis, retentionMillis);
        synchronized (times) {
            prune(times, nowMillis);
            int n = 0;
            for (Long t : times) {
                if (t > from && t <= nowMillis) {
                    n++;
                }
            }
            return n;
        }
    }

    int trackedKeys() {
        return events.size();
    }

    private void evictExpired(long nowMillis) {
        events.entrySet().removeIf(entry -> {
            Deque<Long> times = entry.getValue();
            synchronized (times) {
                prune(times, nowMillis);
                return times.isEmpty();
            }
        });
    }

    private void prune(Deque<Long> times, long nowMillis) {
        while (!times.isEmpty() && times.peekFirst() <= nowMillis - retentionMillis) {
            times.removeFirst();
        }
    }
}
