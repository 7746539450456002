package dev.txauth.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-thread Mac gives every call the HMAC of its own input only, on any thread, in any order. */
class AuditKeyTest {

    private static final AuditKey KEY = AuditKey.of("k".repeat(32).getBytes(StandardCharsets.UTF_8));
    /** HMAC-SHA256, key "k"×32, message "payload", computed independently (Python hmac module). */
    private static final String PAYLOAD_MAC = "0dcfbab1a7be8b1492f020651c7f4925edda69583e35a5ccf60d8263888c745d";

    @Test
    void aMacDependsOnItsInputOnlyNotOnTheCallsBefore() {
        String first = KEY.mac("payload");
        KEY.mac("something else entirely");
        assertEquals(first, KEY.mac("payload"));
        assertEquals(PAYLOAD_MAC, first);
        assertTrue(KEY.verifies("payload", first));
        assertFalse(KEY.verifies("payload!", first));
    }

    @Test
    void threadsInParallelGetTheSameMacsAsOneThread() throws Exception {
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            inputs.add("event-" + i);
        }
        List<String> expected = inputs.stream().map(KEY::mac).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (String input : inputs) {
                results.add(pool.submit(() -> KEY.mac(input)));
            }
            for (int i = 0; i < inputs.size(); i++) {
                assertEquals(expected.get(i), results.get(i).get(), inputs.get(i));
            }
        } finally {
            pool.shutdown();
        }
    }
}
