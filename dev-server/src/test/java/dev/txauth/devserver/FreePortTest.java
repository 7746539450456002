package dev.txauth.devserver;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FreePortTest {

    @Test
    void neverHandsOutTheSamePortTwiceEvenWhileNothingBindsThem() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            int port = FreePort.find();
            assertTrue(port > 0 && port < 65536, "port " + port);
            assertTrue(ports.add(port), "port " + port + " handed out twice");
        }
        assertEquals(300, ports.size());
    }

    @Test
    void aServerWhoseManagementPortIsItsHttpPortIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new KeycloakSettings(
                Path.of("work"), 8080, 8080, "jdbc:postgresql://127.0.0.1:5432/kc", "kc", "kc", "admin", "secret",
                false, Map.of(), List.of()));
        assertTrue(refused.getMessage().contains("must differ, both are 8080"), refused.getMessage());
    }
}
