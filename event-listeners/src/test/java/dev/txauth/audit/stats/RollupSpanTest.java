package dev.txauth.audit.stats;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RollupSpanTest {

    @ParameterizedTest(name = "[{0}, {1}) → raw [{0}, {3}), hours [{2}, {4}), raw [{4}, {1})")
    @CsvSource({
        // from, to, hoursFrom, headTo, tailFrom (hoursTo = tailFrom when there are whole hours)
        "2026-03-01T00:00:00Z, 2026-03-08T13:27:05.123Z, 2026-03-01T00:00:00Z, 2026-03-01T00:00:00Z, 2026-03-08T13:00:00Z",
        "2026-03-01T00:00:00Z, 2026-03-02T00:00:00Z, 2026-03-01T00:00:00Z, 2026-03-01T00:00:00Z, 2026-03-02T00:00:00Z",
        "2026-03-01T10:15:00Z, 2026-03-01T13:45:00Z, 2026-03-01T11:00:00Z, 2026-03-01T11:00:00Z, 2026-03-01T13:00:00Z",
        "2026-03-01T10:59:59.999Z, 2026-03-01T11:00:00Z, 2026-03-01T10:59:59.999Z, 2026-03-01T11:00:00Z, 2026-03-01T11:00:00Z",
        "2026-03-01T10:00:00Z, 2026-03-01T10:59:59.999Z, 2026-03-01T10:00:00Z, 2026-03-01T10:59:59.999Z, 2026-03-01T10:59:59.999Z",
        "2026-03-01T10:15:00Z, 2026-03-01T11:45:00Z, 2026-03-01T10:15:00Z, 2026-03-01T11:45:00Z, 2026-03-01T11:45:00Z",
        "2026-03-01T10:00:00Z, 2026-03-01T10:00:00Z, 2026-03-01T10:00:00Z, 2026-03-01T10:00:00Z, 2026-03-01T10:00:00Z",
    })
    void splitsEveryInstantIntoExactlyOnePart(Instant from, Instant to, Instant hoursFrom, Instant headTo,
                                              Instant tailFrom) {
        RollupSpan span = RollupSpan.of(from, to);
        assertEquals(hoursFrom, span.hoursFrom());
        assertEquals(headTo, span.headTo());
        assertEquals(tailFrom, span.tailFrom());
        boolean wholeHours = span.hoursFrom().isBefore(span.hoursTo());
        assertEquals(wholeHours ? tailFrom : hoursFrom, span.hoursTo());
        // The three parts tile [from, to): head ends where the hours start, hours end where the tail starts.
        if (wholeHours) {
            assertEquals(span.headTo(), span.hoursFrom());
            assertEquals(span.hoursTo(), span.tailFrom());
        } else {
            assertEquals(to, span.headTo());
        }
        assertEquals(from, span.from());
        assertEquals(to, span.to());
    }
}
