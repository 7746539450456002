package dev.txauth.risk;

import java.util.Map;

/**
 * The counts of one subject per whole UTC minute (epoch minute → count), as {@code txauth_login_counter} stores them.
 * A window of W minutes is the current minute and the W−1 before it, so it spans between W−1 and W minutes of real
 * time: coarse by design, since it makes every count one upsert of one row and every read a handful of rows.
 */
public final class MinuteBuckets {

    private MinuteBuckets() {
    }

    public static long minute(long epochMillis) {
        return Math.floorDiv(epochMillis, 60_000L);
    }

    /** The oldest minute inside a window of {@code windowMinutes} ending now. */
    public static long firstInWindow(long nowMillis, int windowMinutes) {
        return minute(nowMillis) - windowMinutes + 1;
    }

    public static int sum(Map<Long, Integer> buckets, long nowMillis, int windowMinutes) {
        long first = firstInWindow(nowMillis, windowMinutes);
        long current = minute(nowMillis);
        int total = 0;
        for (Map.Entry<Long, Integer> bucket : buckets.entrySet()) {
            if (bucket.getKey() >= first && bucket.getKey() <= current) {
                total += bucket.getValue();
            }
        }
        return total;
    }

    /**
     * Seconds until the count inside the window falls below {@code limit} if nothing more is counted: the wait until
     * enough of the oldest minutes have left the window. 0 when it is below already.
     */
    public static long secondsUntilBelow(Map<Long, Integer> buckets, int limit, long nowMillis, int windowMinutes) {
        for (int later = 0; later <= windowMinutes; later++) {
            long at = (minute(nowMillis) + later) * 60_000L;
            long when = later == 0 ? nowMillis : at;
            if (sum(buckets, when, windowMinutes) < limit) {
                return later == 0 ? 0 : Math.max(1, (at - nowMillis + 999) / 1000);
            }
        }
        return windowMinutes * 60L;
    }
}
