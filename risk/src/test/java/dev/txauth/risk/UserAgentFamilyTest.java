package dev.txauth.risk;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserAgentFamilyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0|Firefox on Linux",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36|Chrome on Android",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1|Safari on iOS",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0|Edge on Windows",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 OPR/111.0|Opera on macOS",
            "Java-http-client/17.0.15|Java-http-client on unknown OS",
            "<img src=x onerror=alert(1)>|img on unknown OS",
    })
    void namesTheFamily(String userAgent, String expected) {
        assertEquals(expected, UserAgentFamily.of(userAgent));
    }

    @org.junit.jupiter.api.Test
    void missingOrHostileHeadersGiveASafeBoundedLabel() {
        assertEquals("Unknown browser on unknown OS", UserAgentFamily.of(null));
        assertEquals("Unknown browser on unknown OS", UserAgentFamily.of("  "));
        assertEquals("Unknown browser on unknown OS", UserAgentFamily.of("\"'<>"));
        String label = UserAgentFamily.of("x".repeat(10_000));
        assertTrue(label.length() <= 100, label);
    }

    @org.junit.jupiter.api.Test
    void aBrowserUpdateIsNotAFamilyChange() {
        assertEquals(UserAgentFamily.of("Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0"),
                UserAgentFamily.of("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"));
    }
}
