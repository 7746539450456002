package dev.txauth.testkit.browser;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChromeBrowserTest {

    @Test
    void missingBrowserFailsLoudlyWithTheInstallCommand() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ChromeBrowser.requireExecutable("/nonexistent/chromium", "chromium"));
        assertTrue(e.getMessage().contains("apt-get install -y chromium chromium-driver"), e.getMessage());
        assertTrue(e.getMessage().contains("/nonexistent/chromium"), e.getMessage());
    }
}
