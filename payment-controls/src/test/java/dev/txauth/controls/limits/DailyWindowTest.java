package dev.txauth.controls.limits;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DailyWindowTest {

    @Test
    void todayIsTheCalendarDayInLagos() {
        // 23:30 UTC is already 00:30 the next day in Lagos (UTC+1).
        DailyWindow day = DailyWindow.containing(Instant.parse("2026-07-01T23:30:00Z"), ZoneId.of("Africa/Lagos"));
        assertEquals(Instant.parse("2026-07-01T23:00:00Z"), day.start());
        assertEquals(Instant.parse("2026-07-02T23:00:00Z"), day.end());
        assertTrue(day.contains(Instant.parse("2026-07-01T23:00:00Z")));
        assertFalse(day.contains(Instant.parse("2026-07-01T22:59:59Z")));
        assertFalse(day.contains(Instant.parse("2026-07-02T23:00:00Z")));
    }
}
