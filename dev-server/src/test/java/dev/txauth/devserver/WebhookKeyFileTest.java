package dev.txauth.devserver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookKeyFileTest {

    @Test
    void createsAnOwnerOnlyKeyOfAtLeast32BytesOnceAndKeepsIt(@TempDir Path dir) throws IOException {
        Path file = WebhookKeyFile.inDirectory(dir.resolve("state"));
        assertEquals(dir.resolve("state").resolve(WebhookKeyFile.FILE_NAME), file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String key = Files.readString(file).strip();
        assertEquals(48, Base64.getDecoder().decode(key).length);
        assertTrue(key.getBytes().length >= 32, "txauth-webhooks wants at least 32 bytes");

        assertEquals(file, WebhookKeyFile.inDirectory(dir.resolve("state")));
        assertEquals(key, Files.readString(file).strip(), "a second start keeps the key: old endpoints still open");
    }

    @Test
    void theOptionNamesTheAbsoluteFile(@TempDir Path dir) {
        Path file = WebhookKeyFile.inDirectory(dir);
        assertEquals("--spi-events-listener--txauth-webhooks--secret-key-file=" + file.toAbsolutePath(),
                WebhookKeyFile.option(file));
    }
}
