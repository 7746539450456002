package dev.txauth.risk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts events per key inside a time window of at most the retention (failed logins per IP, logins per user). In memory on this node:
 * bounded in keys and in events per key, so a flood of distinct IPs cannot exhaust the heap. Thread-safe.
 * <p>
 * When the key limit is reached, keys whose events have all left the retention go first; if that is not enough, the
 * coldest keys go: fewest live events, then least recently updated. A flood of fresh keys (rotating IPv6 addresses) so
 * only ever pushes out keys no hotter than itself, never the counter of an address that is actually guessing.
 */
public final class SlidingWindowCounter {

    /** Share of the limit freed at once when the limit is reached, so the scan and sort behind it run rarely. */
    private static final int EVICT_DIVISOR = 10;

    private final long retentionMillis;
    private final int maxKeys;
    private final int maxEventsPerKey;
    private final ConcurrentHashMap<String, Deque<Long>> events = new ConcurrentHashMap<>();
    /** Held while a new key is added, so the limit is exact and only one thread evicts. */
    private final Object admission = new Object();

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
        while (true) {
            Deque<Long> times = events.get(key);
            if (times == null) {
                times = admit(key, nowMillis);
            }
            synchronized (times) {
                // An evicted deque is no longer in the map: record into the live one instead of losing the event.
                if (events.get(key) != times) {
                    continue;
                }
                prune(times, nowMillis);
                times.addLast(nowMillis);
                while (times.size() > maxEventsPerKey) {
                    times.removeFirst();
                }
                return;
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

    private Deque<Long> admit(String key, long nowMillis) {
        synchronized (admission) {
            Deque<Long> existing = events.get(key);
            if (existing != null) {
                return existing;
            }
            if (events.size() >= maxKeys) {
                // Free a whole batch per full scan, expired keys first, so a flood does not pay a scan per new key.
                int target = maxKeys - Math.max(1, maxKeys / EVICT_DIVISOR);
                evictExpired(nowMillis);
                if (events.size() > target) {
                    evictColdest(nowMillis, events.size() - target);
                }
            }
            Deque<Long> times = new ArrayDeque<>();
            events.put(key, times);
            return times;
        }
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

    private record Heat(String key, int live, long last) {
    }

    private void evictColdest(long nowMillis, int howMany) {
        List<Heat> heats = new ArrayList<>(events.size());
        events.forEach((key, times) -> {
            synchronized (times) {
                prune(times, nowMillis);
                heats.add(new Heat(key, times.size(), times.isEmpty() ? Long.MIN_VALUE : times.peekLast()));
            }
        });
        heats.sort(Comparator.comparingInt(Heat::live).thenComparingLong(Heat::last));
        for (int i = 0; i < howMany && i < heats.size(); i++) {
            events.remove(heats.get(i).key());
        }
    }

    private void prune(Deque<Long> times, long nowMillis) {
        while (!times.isEmpty() && times.peekFirst() <= nowMillis - retentionMillis) {
            times.removeFirst();
        }
    }
}
