package dev.txauth.risk;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RiskCountsTest {

    private static final long NOW = 1000 * 60_000L + 30_000;

    @Test
    void eachCountIsSummedOverItsOwnWindowFromOneRead() {
        Map<CounterKey, Map<Long, Integer>> read = Map.of(
                CounterKey.ipFailures("10.0.0.1"), Map.of(980L, 50, 995L, 11),
                CounterKey.userFailures("u1"), Map.of(999L, 2, 1000L, 1),
                CounterKey.userLogins("u1"), Map.of(985L, 4, 995L, 3),
                CounterKey.userLogins("u2"), Map.of(1000L, 9));
        RiskCounts counts = RiskCounts.of(read, "10.0.0.1", "u1", NOW, 15, 10);
        assertEquals(new RiskCounts(3, 11, 3), counts);
        assertEquals(new RiskCounts(0, 0, 0), RiskCounts.of(Map.of(), "10.0.0.1", "u1", NOW, 15, 10));
    }

    @Test
    void readsTheIpTheUsersFailuresAndTheUsersLogins() {
        assertEquals(java.util.List.of(CounterKey.ipFailures("2001:db8::1"), CounterKey.userFailures("u1"),
                CounterKey.userLogins("u1")), RiskCounts.keys("2001:db8::1", "u1"));
    }
}
