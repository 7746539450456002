package dev.txauth.risk;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MinuteBucketsTest {

    private static final long MINUTE = 60_000L;
    /** 10:00:30 of some day, in epoch millis: minute 1000 plus 30 s. */
    private static final long NOW = 1000 * MINUTE + 30_000;

    @Test
    void aWindowIsTheCurrentMinuteAndTheOnesBefore() {
        Map<Long, Integer> buckets = Map.of(985L, 7, 986L, 1, 999L, 2, 1000L, 3);
        assertEquals(6, MinuteBuckets.sum(buckets, NOW, 15), "minutes 986..1000");
        assertEquals(3, MinuteBuckets.sum(buckets, NOW, 1), "minute 1000 only");
        assertEquals(13, MinuteBuckets.sum(buckets, NOW, 16));
        assertEquals(986, MinuteBuckets.firstInWindow(NOW, 15));
    }

    @Test
    void belowTheLimitThereIsNoWait() {
        assertEquals(0, MinuteBuckets.secondsUntilBelow(Map.of(1000L, 4), 5, NOW, 15));
        assertEquals(0, MinuteBuckets.secondsUntilBelow(Map.of(), 1, NOW, 15));
    }

    @Test
    void atTheLimitTheWaitIsUntilEnoughOfTheOldestMinutesHaveLeft() {
        // 5 failures: 3 in minute 990, 2 in minute 1000; limit 5, window 15 (minutes 986..1000 now).
        Map<Long, Integer> buckets = Map.of(990L, 3, 1000L, 2);
        // Minute 990 leaves the window when the window starts at 991, i.e. at minute 1005: 4 min 30 s from now.
        assertEquals(4 * 60 + 30, MinuteBuckets.secondsUntilBelow(buckets, 5, NOW, 15));
        // With limit 3, the 2 of minute 1000 must go too: at minute 1015.
        assertEquals(14 * 60 + 30, MinuteBuckets.secondsUntilBelow(buckets, 2, NOW, 15));
    }

    @Test
    void aOneMinuteWindowOpensAtTheNextMinute() {
        assertEquals(30, MinuteBuckets.secondsUntilBelow(Map.of(1000L, 9), 5, NOW, 1));
        assertEquals(1, MinuteBuckets.secondsUntilBelow(Map.of(1000L, 9), 5, 1001 * MINUTE - 1, 1),
                "never 0 while throttled");
    }
}
