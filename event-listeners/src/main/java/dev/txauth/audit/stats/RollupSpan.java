package dev.txauth.audit.stats;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How a stats period {@code [from, to)} splits between the hourly roll-up and the audit table: the whole UTC hours
 * inside it come from {@code txauth_audit_hourly}, the partial hours at either end (in practice the current hour, as
 * {@code to} defaults to now) from the rows themselves. Each instant of the period falls in exactly one part.
 *
 * @param hoursFrom first whole hour (inclusive)
 * @param hoursTo   end of the last whole hour (exclusive); equal to {@code hoursFrom} when there is none
 * @param headTo    rows in {@code [from, headTo)} are counted raw
 * @param tailFrom  rows in {@code [tailFrom, to)} are counted raw
 */
public record RollupSpan(Instant from, Instant hoursFrom, Instant hoursTo, Instant headTo, Instant tailFrom,
                         Instant to) {

    public static RollupSpan of(Instant from, Instant to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from after to");
        }
        Instant firstHour = from.truncatedTo(ChronoUnit.HOURS);
        if (firstHour.isBefore(from)) {
            firstHour = firstHour.plus(1, ChronoUnit.HOURS);
        }
        Instant lastHourEnd = to.truncatedTo(ChronoUnit.HOURS);
        if (!firstHour.isBefore(lastHourEnd)) {
            // No whole hour inside: every row of the period is counted raw (the head covers it all).
            return new RollupSpan(from, from, from, to, to, to);
        }
        return new RollupSpan(from, firstHour, lastHourEnd, firstHour, lastHourEnd, to);
    }
}
