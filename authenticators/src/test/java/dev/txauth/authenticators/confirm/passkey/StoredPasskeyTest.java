package dev.txauth.authenticators.confirm.passkey;

import org.junit.jupiter.api.Test;
import org.keycloak.common.util.Base64Url;

import java.util.Base64;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class StoredPasskeyTest {

    @Test
    void decodesEveryFormKeycloaksOwnWebAuthnLoginReads() {
        Random random = new Random(8);
        for (int length = 0; length < 200; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            String standard = Base64.getEncoder().encodeToString(bytes);
            String url = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            String mime = Base64.getMimeEncoder(16, "\r\n".getBytes()).encodeToString(bytes);
            // What Keycloak 26.7.3 reads: the public key with Base64Url.decode, the credential id with the MIME decoder.
            assertArrayEquals(bytes, Base64Url.decode(standard));
            assertArrayEquals(bytes, Base64.getMimeDecoder().decode(mime));
            for (String stored : new String[] {standard, url, url + "=".repeat((4 - url.length() % 4) % 4),
                    standard.replace("=", ""), mime}) {
                assertArrayEquals(bytes, StoredPasskey.decode(stored), stored);
            }
        }
    }

    @Test
    void refusesWhatIsNotBase64() {
        assertNull(StoredPasskey.decode(null));
        assertNull(StoredPasskey.decode("not base64!"));
        assertNull(StoredPasskey.decode("A"));
    }
}
