package dev.txauth.risk;

import java.util.List;
import java.util.Map;

/**
 * The three counts the risk engine reads for one login, taken from one read of {@code txauth_login_counter}.
 *
 * @param userFailures failed logins of the user inside the failure window (txauth's own count)
 * @param ipFailures   failed logins from the client IP, any user, inside the failure window
 * @param userLogins   successful logins of the user inside the velocity window
 */
public record RiskCounts(int userFailures, int ipFailures, int userLogins) {

    /** Sums the buckets {@code read} returned for {@link #keys} over each count's own window. */
    public static RiskCounts of(Map<CounterKey, Map<Long, Integer>> read, String ip, String userId, long nowMillis,
                                int failureWindowMinutes, int velocityWindowMinutes) {
        return new RiskCounts(
                MinuteBuckets.sum(read.getOrDefault(CounterKey.userFailures(userId), Map.of()), nowMillis,
                        failureWindowMinutes),
                MinuteBuckets.sum(read.getOrDefault(CounterKey.ipFailures(ip), Map.of()), nowMillis,
                        failureWindowMinutes),
                MinuteBuckets.sum(read.getOrDefault(CounterKey.userLogins(userId), Map.of()), nowMillis,
                        velocityWindowMinutes));
    }

    /** What to read for a login of {@code userId} from {@code ip}. */
    public static List<CounterKey> keys(String ip, String userId) {
        return List.of(CounterKey.ipFailures(ip), CounterKey.userFailures(userId),
                CounterKey.userLogins(userId));
    }
}
