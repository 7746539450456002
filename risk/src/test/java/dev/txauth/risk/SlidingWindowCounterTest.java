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
        c.record("e", 1_500);
        c.record("f", 1_500);      // all live: the counter starts over rather than grow
        assertTrue(c.trackedKeys() <= 3);
        assertEquals(1, c.count("f", 1_500, 1_000));
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new SlidingWindowCounter(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new SlidingWindowCounter(1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new SlidingWindowCounter(1, 1, 0));
    }
}
