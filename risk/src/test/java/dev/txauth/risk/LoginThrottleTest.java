package dev.txauth.risk;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    private static final long NOW = 1000 * 60_000L + 30_000;
    private static final LoginThrottle DEFAULTS = new LoginThrottle(5, 100, 15);

    @Test
    void fiveFailuresForOneAccountFromOneIpRefuseTheSixthAttempt() {
        assertFalse(DEFAULTS.check(Map.of(1000L, 4), Map.of(1000L, 4), NOW).throttled(), "4 of 5: allowed");
        LoginThrottle.Verdict sixth = DEFAULTS.check(Map.of(1000L, 5), Map.of(1000L, 5), NOW);
        assertTrue(sixth.throttled());
        assertEquals(LoginThrottle.Scope.IP_AND_USERNAME, sixth.scope());
        assertEquals(14 * 60 + 30, sixth.retryAfterSeconds());
    }

    @Test
    void anotherAccountFromTheSameIpIsUnderItsOwnLimit() {
        assertFalse(DEFAULTS.check(Map.of(1000L, 5), Map.of(), NOW).throttled());
    }

    @Test
    void hundredFailuresFromOneIpRefuseEveryAccountAndTheFormItself() {
        LoginThrottle.Verdict verdict = DEFAULTS.check(Map.of(995L, 60, 1000L, 40), Map.of(), NOW);
        assertEquals(LoginThrottle.Scope.IP, verdict.scope());
        assertEquals(9 * 60 + 30, verdict.retryAfterSeconds(), "minute 995 leaves the window at minute 1010");
        assertTrue(DEFAULTS.check(Map.of(1000L, 100), null, NOW).throttled(), "before any username: per IP");
        assertFalse(DEFAULTS.check(Map.of(1000L, 99), null, NOW).throttled());
    }

    @Test
    void whenBothLimitsAreReachedTheWaitIsTheLongerOne() {
        LoginThrottle.Verdict verdict = DEFAULTS.check(Map.of(990L, 100), Map.of(1000L, 5), NOW);
        assertEquals(LoginThrottle.Scope.IP_AND_USERNAME, verdict.scope());
        assertEquals(14 * 60 + 30, verdict.retryAfterSeconds());
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        assertFalse(DEFAULTS.check(Map.of(985L, 500), Map.of(985L, 500), NOW).throttled(), "minute 985 is 16 min ago");
        assertTrue(new LoginThrottle(5, 100, 16).check(Map.of(985L, 500), Map.of(), NOW).throttled());
    }

    @Test
    void limitsMustBePositiveAndTheWindowAtMostADay() {
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle(0, 100, 15));
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle(5, 0, 15));
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle(5, 100, 0));
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle(5, 100, 1441));
    }
}
