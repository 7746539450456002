package dev.txauth.webhooks;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffAndSealerTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24));

    @Test
    void delaysDoubleWithJitterInTheUpperHalfAndStopAtTheCap() {
        assertEquals(2_500, backoff.delayMillis(1, () -> 0.0));
        assertEquals(5_000, backoff.delayMillis(1, () -> 1.0));
        assertEquals(10_000, backoff.delayMillis(2, () -> 1.0));
        assertEquals(3_600_000, backoff.delayMillis(20, () -> 1.0));
        assertEquals(1_800_000, backoff.delayMillis(200, () -> 0.0));
    }

    @Test
    void givesUpOnlyAfterTheMaximumAgeAndNeverSchedulesBeyondIt() {
        long created = 1_000_000;
        long expires = created + Duration.ofHours(24).toMillis();
        assertEquals(expires, backoff.nextAttemptAt(expires - 1_000, expires, 30, () -> 1.0),
                "the last attempt is at the end of the period, not after it");
        assertEquals(-1, backoff.nextAttemptAt(expires, expires, 31, () -> 1.0));
        // With the defaults an endpoint down for the whole day still gets about 30 attempts.
        long t = created;
        int attempts = 0;
        while (t >= 0) {
            attempts++;
            t = backoff.nextAttemptAt(t, expires, attempts, () -> 0.5);
        }
        assertTrue(attempts > 20 && attempts < 60, attempts + " attempts");
    }

    @Test
    void aSealedSecretOpensOnlyWithItsKeyAndOnItsOwnEndpoint() {
        SecretSealer sealer = new SecretSealer("k".repeat(32).getBytes(StandardCharsets.UTF_8));
        String sealed = sealer.seal("whsec_abc", "endpoint-1", "realm-1");
        assertFalse(sealed.contains("whsec_abc"));
        assertEquals("whsec_abc", sealer.open(sealed, "endpoint-1", "realm-1"));
        assertThrows(IllegalStateException.class, () -> sealer.open(sealed, "endpoint-2", "realm-1"));
        SecretSealer other = new SecretSealer("j".repeat(32).getBytes(StandardCharsets.UTF_8));
        assertThrows(IllegalStateException.class, () -> other.open(sealed, "endpoint-1", "realm-1"));
        assertThrows(IllegalArgumentException.class, () -> new SecretSealer(new byte[16]));
    }
}
