package dev.txauth.audit.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The validated parameters of {@code GET /admin/realms/{realm}/txauth-audit/stats} (docs/api.md §12). Parsing is
 * strict on purpose: a value is an ISO-8601 instant or date, or the request is refused before any SQL is built, so
 * no text from the query string ever reaches the database except as a typed bind parameter.
 *
 * @param from   inclusive, at the start of its bucket
 * @param to     exclusive
 * @param bucket the series' resolution
 */
public record StatsRequest(Instant from, Instant to, Bucket bucket) {

    /** Longest period one request may cover. */
    public static final Duration MAX_RANGE = Duration.ofDays(400);
    /** Hourly points stay below ~750 per series (a month); longer periods take {@code bucket=day}. */
    public static final Duration MAX_HOURLY_RANGE = Duration.ofDays(31);
    static final Duration DEFAULT_RANGE = Duration.ofDays(7);

    /** Series resolution; {@link #sqlUnit()} is PostgreSQL's {@code date_trunc} field, bound as a parameter. */
    public enum Bucket {
        HOUR(ChronoUnit.HOURS), DAY(ChronoUnit.DAYS);

        private final ChronoUnit unit;

        Bucket(ChronoUnit unit) {
            this.unit = unit;
        }

        public String sqlUnit() {
            return name().toLowerCase(Locale.ROOT);
        }

        Instant truncate(Instant t) {
            return t.truncatedTo(unit);
        }

        Instant next(Instant t) {
            return t.plus(1, unit);
        }
    }

    /**
     * @param from   ISO instant ({@code 2026-01-31T12:00:00Z}) or date ({@code 2026-01-31}, midnight UTC); default
     *               {@code to} minus seven days
     * @param to     the same forms; default now
     * @param bucket {@code hour} or {@code day}; default {@code day}
     * @throws IllegalArgumentException with a message fit for the client
     */
    public static StatsRequest parse(String from, String to, String bucket, Instant now) {
        Bucket b = parseBucket(bucket);
        Instant end = blank(to) ? now : time("to", to);
        Instant start = blank(from) ? end.minus(DEFAULT_RANGE) : time("from", from);
        if (start.isAfter(end)) {
            throw new IllegalArgumentException("from must not be after to");
        }
        Duration range = Duration.between(start, end);
        if (range.compareTo(MAX_RANGE) > 0) {
            throw new IllegalArgumentException("from and to may be at most " + MAX_RANGE.toDays() + " days apart");
        }
        if (b == Bucket.HOUR && range.compareTo(MAX_HOURLY_RANGE) > 0) {
            throw new IllegalArgumentException("bucket=hour covers at most " + MAX_HOURLY_RANGE.toDays()
                    + " days; use bucket=day");
        }
        return new StatsRequest(b.truncate(start), end, b);
    }

    /** Every bucket start from {@link #from} until {@link #to}, so each series has a value for every point. */
    public List<Instant> bucketStarts() {
        List<Instant> out = new ArrayList<>();
        for (Instant t = from; t.isBefore(to); t = bucket.next(t)) {
            out.add(t);
        }
        return out;
    }

    private static Bucket parseBucket(String bucket) {
        if (blank(bucket)) {
            return Bucket.DAY;
        }
        for (Bucket b : Bucket.values()) {
            if (b.sqlUnit().equals(bucket)) {
                return b;
            }
        }
        throw new IllegalArgumentException("bucket must be hour or day");
    }

    private static Instant time(String name, String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z "
                    + "or a date such as 2026-01-31");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
