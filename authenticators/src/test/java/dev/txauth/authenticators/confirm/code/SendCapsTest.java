package dev.txauth.authenticators.confirm.code;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SendCapsTest {

    private static final SendCaps DEFAULTS = new SendCaps(30, 3, 5, 10);
    private static final long NOW = 1_000_000;

    @Test
    void firstSendIsAllowed() {
        assertTrue(DEFAULTS.check(List.of(), List.of(), List.of(), NOW).isEmpty());
    }

    @Test
    void resendBeforeCooldownSaysWhenItWouldBeAllowed() {
        Optional<SendCaps.Capped> capped = DEFAULTS.check(List.of(NOW - 10), List.of(NOW - 10), List.of(NOW - 10), NOW);
        assertEquals(SendCaps.Reason.COOLDOWN, capped.orElseThrow().reason());
        assertEquals(NOW + 20, capped.get().retryAt());
        assertTrue(DEFAULTS.check(List.of(NOW - 30), List.of(NOW - 30), List.of(NOW - 30), NOW).isEmpty(),
                "exactly at the cooldown");
    }

    @Test
    void fourthSendOfATransactionIsRefusedForGood() {
        List<Long> three = List.of(NOW - 300, NOW - 200, NOW - 100);
        SendCaps.Capped capped = DEFAULTS.check(three, three, three, NOW).orElseThrow();
        assertEquals(SendCaps.Reason.TRANSACTION, capped.reason());
        assertNull(capped.retryAt());
    }

    @Test
    void sixthSmsToAUserInAnHourWaitsForTheOldestToLeaveTheWindow() {
        List<Long> five = List.of(NOW - 3000, NOW - 2000, NOW - 1000, NOW - 500, NOW - 100);
        SendCaps.Capped capped = DEFAULTS.check(List.of(), five, five, NOW).orElseThrow();
        assertEquals(SendCaps.Reason.USER_HOUR, capped.reason());
        assertEquals(NOW - 3000 + 3600, capped.retryAt());
        assertTrue(DEFAULTS.check(List.of(), List.of(NOW - 3600, NOW - 2000, NOW - 1000, NOW - 500, NOW - 100),
                List.of(), NOW).isEmpty(), "a send an hour old no longer counts");
    }

    @Test
    void eleventhSmsToANumberInADayIsRefusedUntilTheOldestIsADayOld() {
        List<Long> ten = java.util.stream.LongStream.range(0, 10).mapToObj(i -> NOW - 80_000 + i * 1000).toList();
        SendCaps.Capped capped = DEFAULTS.check(List.of(), List.of(), ten, NOW).orElseThrow();
        assertEquals(SendCaps.Reason.DESTINATION_DAY, capped.reason());
        assertEquals(NOW - 80_000 + 86_400, capped.retryAt());
    }

    @Test
    void reasonTagsAreMetricFriendly() {
        assertEquals("user-hour", SendCaps.Reason.USER_HOUR.tag());
        assertEquals("destination-day", SendCaps.Reason.DESTINATION_DAY.tag());
    }
}
