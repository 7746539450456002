package dev.txauth.risk;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CounterReadMemoTest {

    private static final CounterKey IP = CounterKey.ipFailures("198.51.100.7");
    private static final CounterKey USER = CounterKey.userFailures("u-1");
    private static final CounterKey LOGINS = CounterKey.userLogins("u-1");

    private final CounterReadMemo memo = new CounterReadMemo("realm-a", List.of(IP, USER, LOGINS), 100,
            Map.of(IP, Map.of(100L, 2, 130L, 1), LOGINS, Map.of(99L, 7, 150L, 3)));

    @Test
    void coversOnlyTheSameRealmTheKeysItReadAndMinutesFromItsFirstOn() {
        assertTrue(memo.covers("realm-a", List.of(IP, USER), 100));
        assertTrue(memo.covers("realm-a", List.of(LOGINS), 140));
        assertFalse(memo.covers("realm-b", List.of(IP), 120), "another realm's rows were not read");
        assertFalse(memo.covers("realm-a", List.of(IP), 99), "minute 99 was not read");
        assertFalse(memo.covers("realm-a", List.of(IP, CounterKey.userFailures("u-2")), 120), "u-2 was not read");
    }

    @Test
    void answersAsAFreshReadFromALaterMinuteWould() {
        Map<CounterKey, Map<Long, Integer>> answer = memo.answer(List.of(IP, USER, LOGINS), 130);
        assertEquals(Map.of(IP, Map.of(130L, 1), LOGINS, Map.of(150L, 3)), answer,
                "buckets before minute 130 dropped, a key with no bucket left absent");
        assertEquals(Map.of(IP, Map.of(100L, 2, 130L, 1)), memo.answer(List.of(IP), 100), "only the keys asked for");
    }

    @Test
    void throttleReadAlsoCarriesTheRiskStepsKeysOnceAndItsLongestWindow() {
        CounterKey pair = CounterKey.ipUserFailures("198.51.100.7", "u-1", "ada");
        assertEquals(List.of(IP, pair, USER, LOGINS),
                CounterReadMemo.riskKeysAlongside(List.of(IP, pair), "198.51.100.7", "u-1"));
        long now = 1_000L * 60_000L;
        assertEquals(1_000L - RiskConfig.MAX_WINDOW_MINUTES + 1, CounterReadMemo.firstMinuteForBoth(now, 15));
        assertEquals(1_000L - 1440 + 1, CounterReadMemo.firstMinuteForBoth(now, 1440));
    }
}
