package dev.txauth.webhooks;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddressGuardTest {

    private final AddressGuard strict = new AddressGuard(false, false);

    @Test
    void refusesEveryNonPublicKindOfAddress() throws Exception {
        for (String[] c : new String[][]{{"127.0.0.1", "a loopback"}, {"::1", "a loopback"},
                {"10.0.0.1", "a private"}, {"172.16.5.5", "a private"}, {"192.168.1.1", "a private"},
                {"169.254.169.254", "a link-local"}, {"fe80::1", "a link-local"}, {"224.0.0.1", "a multicast"},
                {"ff02::1", "a multicast"}, {"0.0.0.0", "an unspecified"}, {"::", "an unspecified"},
                {"fd12:3456::1", "a unique-local"}, {"100.64.0.1", "a reserved"}, {"::ffff:10.0.0.1", "a private"},
                {"::ffff:127.0.0.1", "a loopback"}, {"::10.0.0.1", "a private"}}) {
            assertEquals(c[1], strict.refusal(InetAddress.getByName(c[0])), c[0]);
        }
    }

    @Test
    void acceptsPublicAddressesAndWhatTheOptionsAllow() throws Exception {
        assertNull(strict.refusal(InetAddress.getByName("93.184.216.34")));
        assertNull(strict.refusal(InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946")));
        AddressGuard dev = new AddressGuard(true, false);
        assertNull(dev.refusal(InetAddress.getByName("127.0.0.1")));
        assertNull(dev.refusal(InetAddress.getByName("::1")));
        assertEquals("a private", dev.refusal(InetAddress.getByName("10.0.0.1")));
        AddressGuard internal = new AddressGuard(false, true);
        assertNull(internal.refusal(InetAddress.getByName("10.0.0.1")));
        assertNull(internal.refusal(InetAddress.getByName("fd00::1")));
        assertEquals("a link-local", internal.refusal(InetAddress.getByName("169.254.169.254")));
    }

    @Test
    void checksEveryAddressTheHostResolvesTo() {
        AddressGuard.Refused e = assertThrows(AddressGuard.Refused.class,
                () -> strict.check(URI.create("http://localhost:8080/hook")));
        assertTrue(e.getMessage().contains("loopback"), e.getMessage());
    }

    @Test
    void onlyHttpAndHttpsWithAHostAndNoCredentials() {
        for (String url : new String[]{"ftp://a.example/", "file:///etc/passwd", "gopher://a.example/",
                "http:///nohost", "https://user:pw@a.example/", "https://a.example/#frag", "not a url", ""}) {
            assertThrows(AddressGuard.Refused.class, () -> AddressGuard.parse(url), url);
        }
    }
}
