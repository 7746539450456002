package dev.txauth.risk;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlidingWindowCounterTest {

    @Test
    void countsOnlyInsideTheWindow() {
        SlidingWindowCounter c = new SlidingWindowCounter(60_000, 10, 100);
        c.record("ip", 1_000);
        c.record("ip", 20_000);
        c.record("ip", 30_000);
        assertEquals(3, c.count("ip", 30_000, 60_000));
        assertEquals(2, c.count("ip", 30_000, 11_000), "(19000, 30000]");
        assertEquals(1, c.count("ip", 30_000, 10_000), "the window's lower edge is exclusive");
        assertEquals(2, c.count("ip", 61_000, 60_000), "the event at 1000 left the window at 61000");
        assertEquals(0, c.count("other", 30_000, 60_000));
        assertEquals(0, c.count(null, 30_000, 60_000));
    }

    @Test
    void windowIsCappedAtTheRetention() {
        SlidingWindowCounter c = new SlidingWindowCounter(10_000, 10, 100);
        c.record("k", 0);
        c.record("k", 5_000);
        assertEquals(1, c.count("k", 12_000, 3_600_000));
    }

    @Test
    void perKeyEventsAreBounded() {
        SlidingWindowCounter c = new SlidingWindowCounter(60_000, 10, 5);
        for (int i = 0; i < 50; i++) {
            c.record("k", 1_000 + i);
        }
        assertEquals(5, c.count("k", 2_000, 60_000));
    }

    @Test
    void keysAreBoundedExpiredOnesGoFirst() {
        SlidingWindowCounter c = new SlidingWindowCounter(1_000, 3, 10);
        c.record("a", 0);
        c.record("b", 0);
        c.record("c", 900);
        c.record("d", 1_500);      // a and b expired: evicted, c stays
        assertEquals(1, c.count("c", 1_500, 1_000));
        assertEquals(1, c.count("d", 1_500, 1_000));
        assertTrue(c.trackedKeys() <= 3);
    }

    @Test
    void whenFullOfLiveKeysTheColdestGoNeverTheHotOnes() {
        SlidingWindowCounter c = new SlidingWindowCounter(60_000, 3, 10);
        c.record("hot", 100);
        c.record("hot", 200);
        c.record("old", 300);
        c.record("new", 400);
        c.record("fresh", 500);    // all live: "old" (one event, least recently updated) goes
        assertEquals(2, c.count("hot", 500, 60_000));
        assertEquals(0, c.count("old", 500, 60_000));
        assertEquals(1, c.count("new", 500, 60_000));
        assertEquals(1, c.count("fresh", 500, 60_000));
        assertEquals(3, c.trackedKeys());
    }

    @Test
    void twoHundredThousandDistinctKeysDoNotResetAHotCounter() {
        SlidingWindowCounter c = new SlidingWindowCounter(3_600_000, 100_000, 1_000);
        for (int i = 0; i < 7; i++) {
            c.record("hot", 1_000 + i);
        }
        for (int i = 0; i < 200_000; i++) {
            c.record("key-" + i, 2_000 + i / 100);
            if (i % 50_000 == 0) {
                c.record("hot", 2_000 + i / 100);
            }
        }
        assertEquals(11, c.count("hot", 5_000, 3_600_000));
        assertTrue(c.trackedKeys() <= 100_000, "tracked keys: " + c.trackedKeys());
    }

    @Test
    void concurrentRecordingKeepsTheLimitAndLosesNoHotEvent() throws Exception {
        SlidingWindowCounter c = new SlidingWindowCounter(3_600_000, 1_000, 10_000);
        int threads = 4;
        int perThread = 20_000;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    c.record(thread + "-" + i, 1_000);
                    if (i % 100 == 0) {
                        c.record("hot", 1_000);
                    }
                }
            }));
        }
        for (java.util.concurrent.Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertEquals(threads * perThread / 100, c.count("hot", 1_000, 3_600_000));
        assertTrue(c.trackedKeys() <= 1_000, "tracked keys: " + c.trackedKeys());
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new SlidingWindowCounter(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new SlidingWindowCounter(1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new SlidingWindowCounter(1, 1, 0));
    }
}
