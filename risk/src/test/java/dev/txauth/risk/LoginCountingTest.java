package dev.txauth.risk;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginCountingTest {

    @Test
    void aWrongPasswordCountsForTheIpTheIpWithTheAccountAndTheUserInThatOrder() {
        List<CounterKey> keys = LoginCounting.failure("u1", "alice", "10.0.0.1", "invalid_user_credentials");
        assertEquals(List.of(CounterKind.IP_FAILURES, CounterKind.IP_USER_FAILURES, CounterKind.USER_FAILURES),
                keys.stream().map(CounterKey::kind).toList());
        assertEquals("10.0.0.1", keys.get(0).subject());
        assertEquals("10.0.0.1|u1", keys.get(1).subject());
        assertEquals("u1", keys.get(2).subject());
    }

    @Test
    void anUnknownUsernameCountsForTheIpAndTheHashOfTheNameOnly() {
        List<CounterKey> keys = LoginCounting.failure(null, " Mallory@Example.com ", "10.0.0.1", "user_not_found");
        assertEquals(2, keys.size());
        String pair = keys.get(1).subject();
        assertTrue(pair.startsWith("10.0.0.1|name:"), pair);
        assertFalse(pair.toLowerCase().contains("mallory"), "the typed name is never stored");
        assertEquals(pair, CounterKey.ipUserFailures("10.0.0.1", null, "mallory@example.com").subject(),
                "case and surrounding blanks do not open a new allowance");
    }

    @Test
    void refusalsThatAreNoGuessCountNowhere() {
        for (String error : List.of("access_denied", "user_temporarily_disabled", "user_disabled",
                "txauth_login_throttled", "txauth_risk_denied")) {
            assertEquals(List.of(), LoginCounting.failure("u1", "alice", "10.0.0.1", error), error);
        }
        assertEquals(List.of(), LoginCounting.failure("u1", "alice", "10.0.0.1", null));
    }

    @Test
    void aSuccessfulLoginCountsForTheUsersVelocity() {
        assertEquals(List.of(CounterKey.userLogins("u1")), LoginCounting.success("u1"));
        assertEquals(List.of(), LoginCounting.success(null));
    }

    @Test
    void ipv6CountsPerSlash64SoRotatingAddressesInsideItDoNotHelp() {
        assertEquals(CounterKey.ipFailures("2001:db8:1:2::1"), CounterKey.ipFailures("2001:db8:1:2:ffff::9"));
        assertNotEquals(CounterKey.ipFailures("2001:db8:1:2::1"), CounterKey.ipFailures("2001:db8:1:3::1"));
        assertNotEquals(CounterKey.ipFailures("10.0.0.1"), CounterKey.ipFailures("10.0.0.2"), "IPv4 per address");
    }

    @Test
    void oddAddressesCountAsGivenAndAreBoundedInLength() {
        assertEquals(CounterKey.NO_ADDRESS, CounterKey.ipFailures(null).subject());
        assertEquals(CounterKey.NO_ADDRESS, CounterKey.ipFailures("  ").subject());
        assertEquals("not-an-ip", CounterKey.ipFailures("not-an-ip").subject());
        String forged = "x".repeat(5000);
        String subject = CounterKey.ipUserFailures(forged, null, "y".repeat(5000)).subject();
        assertTrue(subject.length() <= CounterKey.MAX_SUBJECT, "length " + subject.length());
        assertEquals(CounterKey.ipFailures(forged), CounterKey.ipFailures(forged), "still one subject per value");
    }
}
