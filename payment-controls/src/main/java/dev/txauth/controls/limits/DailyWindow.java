package dev.txauth.controls.limits;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * "Today" for daily limits: the calendar day, midnight to midnight, in the realm's {@code daily_limit_zone} (default
 * Africa/Lagos, where the customers are), not a rolling 24 hours — that is how Nigerian banks state daily limits and
 * what a user reads on a statement. The ledger sums approvals in {@code [start, end)}.
 */
public record DailyWindow(Instant start, Instant end) {

    public static DailyWindow containing(Instant now, ZoneId zone) {
        LocalDate day = now.atZone(zone).toLocalDate();
        return new DailyWindow(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }
}
