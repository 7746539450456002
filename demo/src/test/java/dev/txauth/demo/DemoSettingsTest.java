package dev.txauth.demo;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoSettingsTest {

    @Test
    void isOffWithoutTheOptionWhateverElseIsSet() {
        assertFalse(DemoSettings.of(false, "http://localhost:8080", "s3cret", "/tmp/sms.jsonl").enabled());
        assertFalse(DemoSettings.of(false, null, null, null).enabled());
    }

    @Test
    void enabledOnTheDevServersOwnLoopbackAddress() {
        DemoSettings settings = DemoSettings.of(true, "http://localhost:8080/", "s3cret", "/tmp/sms.jsonl");
        assertTrue(settings.enabled());
        assertEquals("http://localhost:8080", settings.keycloakUrl().toString());
        assertEquals(Optional.of(Path.of("/tmp/sms.jsonl")), settings.smsOutbox());
        assertTrue(DemoSettings.of(true, "http://127.0.0.1:8081", "s3cret", "").smsOutbox().isEmpty());
    }

    @Test
    void refusesToStartWhenEnabledForAnythingButLoopbackOrWithoutTheSecret() {
        for (String url : new String[] {"https://localhost:8443", "http://keycloak.example.com",
                "http://localhost.example.com:8080", "http://10.0.0.5:8080", "http://user@localhost:8080",
                "http://localhost:8080/realms", "", null, "not a url"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> DemoSettings.of(true, url, "s3cret", null), String.valueOf(url));
            assertTrue(refused.getMessage().startsWith("txauth-demo is for the dev server only"));
        }
        assertThrows(IllegalStateException.class, () -> DemoSettings.of(true, "http://localhost:8080", " ", null));
    }
}
