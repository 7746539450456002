package dev.txauth.audit.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatsRequestTest {

    private static final Instant NOW = Instant.parse("2026-03-10T10:30:00Z");

    @Test
    void defaultsToTheLastSevenDaysByDay() {
        StatsRequest r = StatsRequest.parse(null, "", null, NOW);
        assertEquals(StatsRequest.Bucket.DAY, r.bucket());
        assertEquals(Instant.parse("2026-03-03T00:00:00Z"), r.from(), "from starts its bucket");
        assertEquals(NOW, r.to());
        assertEquals(8, r.bucketStarts().size());
    }

    @Test
    void hourlyBucketsCoverTheRangeWithoutGaps() {
        StatsRequest r = StatsRequest.parse("2026-03-10T07:15:00Z", "2026-03-10T10:00:00Z", "hour", NOW);
        assertEquals(Instant.parse("2026-03-10T07:00:00Z"), r.from());
        assertEquals(3, r.bucketStarts().size());
        assertEquals(Instant.parse("2026-03-10T09:00:00Z"), r.bucketStarts().get(2));
    }

    @Test
    void acceptsPlainDatesAsMidnightUtc() {
        StatsRequest r = StatsRequest.parse("2026-01-01", "2026-01-31", "day", NOW);
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), r.from());
        assertEquals(30, r.bucketStarts().size());
    }

    @Test
    void fourHundredDaysIsTheLongestRange() {
        StatsRequest.parse("2025-01-01T00:00:00Z", "2026-02-05T00:00:00Z", "day", NOW);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StatsRequest.parse("2025-01-01T00:00:00Z", "2026-02-05T00:00:01Z", "day", NOW));
        assertTrue(e.getMessage().contains("400 days"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "2026-03-02T00:00:00Z | 2026-03-01T00:00:00Z | day    | from must not be after to",
        "2026-03-01T00:00:00Z | 2026-03-02T00:00:00Z | week   | bucket must be hour or day",
        "2026-03-01T00:00:00Z | 2026-03-02T00:00:00Z | HOUR   | bucket must be hour or day",
        "2026-03-01T00:00:00Z | 2026-03-02T00:00:00Z | day'-- | bucket must be hour or day",
        "2026-03-01'; DROP TABLE txauth_audit_event;-- | NULL | day | from must be an ISO-8601",
        "1 OR 1=1 | NULL | day | from must be an ISO-8601",
        "NULL | 2026-03-01T00:00:00Z' UNION SELECT 1 | day | to must be an ISO-8601",
        "03/01/2026 | NULL | day | from must be an ISO-8601",
        "2026-03-01 00:00 | NULL | day | from must be an ISO-8601",
        "1709251200 | NULL | day | from must be an ISO-8601",
        "2025-12-01T00:00:00Z | 2026-01-15T00:00:00Z | hour | bucket=hour covers at most 31 days",
    })
    void refusesBadParameters(String from, String to, String bucket, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StatsRequest.parse(from, to, bucket, NOW));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }
}
