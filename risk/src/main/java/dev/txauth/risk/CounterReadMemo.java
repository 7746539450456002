package dev.txauth.risk;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One read of {@code txauth_login_counter} kept for the rest of its request, so the password POST's two readers —
 * the login throttle (docs/api.md §10) and, after the password, the risk step (§6) — cost one statement, not two.
 * The throttle reads its own keys plus the risk step's ({@link #riskKeysAlongside}); the risk step is then answered
 * from here when every key it asks for was read from a minute no later than the first one it needs.
 * <p>
 * Why this is safe: both readers run in the same request and transaction within a fraction of a second, and any
 * write through {@link LoginCounterStore} forgets the memo, so a request never answers from counts older than its
 * own writes. Pure: no Keycloak types; {@link LoginCounterStore} keeps it in the Keycloak session.
 */
public final class CounterReadMemo {

    private final String realmId;
    private final long firstMinute;
    private final Set<CounterKey> keys;
    private final Map<CounterKey, Map<Long, Integer>> counts;

    public CounterReadMemo(String realmId, List<CounterKey> keys, long firstMinute,
                           Map<CounterKey, Map<Long, Integer>> counts) {
        this.realmId = realmId;
        this.firstMinute = firstMinute;
        this.keys = Set.copyOf(keys);
        this.counts = counts;
    }

    /** True when this read holds every bucket of {@code wanted} from {@code wantedFirstMinute} on. */
    public boolean covers(String wantedRealmId, List<CounterKey> wanted, long wantedFirstMinute) {
        return realmId.equals(wantedRealmId) && firstMinute <= wantedFirstMinute && keys.containsAll(wanted);
    }

    /** The buckets of {@code wanted} from {@code wantedFirstMinute} on, as a fresh read would return them. */
    public Map<CounterKey, Map<Long, Integer>> answer(List<CounterKey> wanted, long wantedFirstMinute) {
        Map<CounterKey, Map<Long, Integer>> answer = new HashMap<>();
        for (CounterKey key : wanted) {
            Map<Long, Integer> buckets = new HashMap<>();
            counts.getOrDefault(key, Map.of()).forEach((minute, n) -> {
                if (minute >= wantedFirstMinute) {
                    buckets.put(minute, n);
                }
            });
            if (!buckets.isEmpty()) {
                answer.put(key, buckets);
            }
        }
        return answer;
    }

    /** The throttle's keys followed by the risk step's for {@code userId}, each once. */
    public static List<CounterKey> riskKeysAlongside(List<CounterKey> throttleKeys, String ip, String userId) {
        LinkedHashSet<CounterKey> all = new LinkedHashSet<>(throttleKeys);
        all.addAll(RiskCounts.keys(ip, userId));
        return List.copyOf(all);
    }

    /** The first minute a read serving both must start at: the throttle's window or the longest risk window. */
    public static long firstMinuteForBoth(long nowMillis, int throttleWindowMinutes) {
        return MinuteBuckets.firstInWindow(nowMillis, Math.max(throttleWindowMinutes, RiskConfig.MAX_WINDOW_MINUTES));
    }
}
