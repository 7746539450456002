package dev.txauth.webhooks;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RealmDeliverySettingsTest {

    private final WebhookConfig server = new WebhookConfig(null, Path.of("x"), false, false, Duration.ofSeconds(10),
            Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24), 20, Duration.ofMinutes(10),
            Duration.ofSeconds(1), 50, 8, Duration.ofSeconds(35));

    @Test
    void unsetKeysKeepTheServerOptions() {
        RealmDeliverySettings s = RealmDeliverySettings.parse(Map.of("pause-after-failures", "3"), server);
        assertEquals(3, s.pauseAfterFailures());
        assertEquals(Duration.ofHours(24), s.maxAge());
        assertEquals(Duration.ofMinutes(10), s.pause());
        assertEquals(RealmDeliverySettings.defaults(server), RealmDeliverySettings.parse(Map.of(), server));
    }

    @Test
    void refusesValuesOutsideTheirRangeNamingTheSetting() {
        for (String[] c : new String[][]{{"max-age-seconds", "59"}, {"max-age-seconds", "604801"},
                {"pause-after-failures", "0"}, {"pause-seconds", "5"}, {"pause-seconds", "ten"}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RealmDeliverySettings.parse(Map.of(c[0], c[1]), server), c[0] + "=" + c[1]);
            assertTrue(e.getMessage().startsWith(c[0]), e.getMessage());
        }
    }
}
