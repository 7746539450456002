package dev.txauth.audit.stats;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StatsSeriesTest {

    private static final Instant D1 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant D2 = Instant.parse("2026-03-02T00:00:00Z");

    @Test
    void fillsMissingBucketsWithZeroAndSumsTotals() {
        StatsSeries s = new StatsSeries(List.of(D1, D2)).count("logins").amount("volume");
        s.add("logins", D2, 3);
        s.add("logins", D2, 2);
        s.add("volume", D1, new BigDecimal("5000.00"));
        s.add("logins", Instant.parse("2026-02-28T00:00:00Z"), 7);
        assertEquals(List.of(0L, 5L), s.values().get("logins"));
        assertEquals(List.of(new BigDecimal("5000.00"), BigDecimal.ZERO), s.values().get("volume"));
        assertEquals(Map.of("logins", 5L, "volume", new BigDecimal("5000.00")), s.totals());
        assertEquals(List.of("2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z"), s.bucketLabels());
    }

    @Test
    void refusesAnUndeclaredSeries() {
        StatsSeries s = new StatsSeries(List.of(D1));
        assertThrows(IllegalArgumentException.class, () -> s.add("nope", D1, 1));
    }
}
