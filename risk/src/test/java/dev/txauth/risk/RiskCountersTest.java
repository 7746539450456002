package dev.txauth.risk;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RiskCountersTest {

    @Test
    void countsGuessesPerIpAndUserPerRealm() {
        RiskCounters c = new RiskCounters();
        c.loginFailed("r1", "u1", "10.0.0.1", "invalid_user_credentials", 1_000);
        c.loginFailed("r1", null, "10.0.0.1", "user_not_found", 2_000);
        c.loginFailed("r1", "u1", "10.0.0.1", "access_denied", 3_000);       // a risk DENY is no guess
        c.loginFailed("r1", "u1", "10.0.0.1", "user_temporarily_disabled", 3_000);
        c.loginFailed("r2", "u1", "10.0.0.1", "invalid_user_credentials", 3_000);
        assertEquals(2, c.ipFailures("r1", "10.0.0.1", 5_000, 60_000));
        assertEquals(1, c.userFailures("r1", "u1", 5_000, 60_000));
        assertEquals(1, c.ipFailures("r2", "10.0.0.1", 5_000, 60_000));
        assertEquals(0, c.ipFailures("r1", "10.0.0.2", 5_000, 60_000));
        assertEquals(0, c.ipFailures("r1", null, 5_000, 60_000));
    }

    @Test
    void countsSuccessfulLoginsPerUser() {
        RiskCounters c = new RiskCounters();
        c.loginSucceeded("r1", "u1", 1_000);
        c.loginSucceeded("r1", "u1", 2_000);
        c.loginSucceeded("r1", "u2", 2_000);
        assertEquals(2, c.userLogins("r1", "u1", 3_000, 60_000));
        assertEquals(1, c.userLogins("r1", "u1", 3_000, 1_500));
    }

    @Test
    void ipv6GuessesCountPerSlash64SoRotatingAddressesDoNotHelp() {
        RiskCounters c = new RiskCounters();
        for (int i = 1; i <= 5; i++) {
            c.loginFailed("r1", null, "2001:db8:1:2::" + Integer.toHexString(i), "invalid_user_credentials", 1_000);
        }
        assertEquals(5, c.ipFailures("r1", "2001:db8:1:2:ffff::1", 2_000, 60_000));
        assertEquals(0, c.ipFailures("r1", "2001:db8:1:3::1", 2_000, 60_000));
        c.loginFailed("r1", null, "10.0.0.1", "invalid_user_credentials", 1_000);
        assertEquals(0, c.ipFailures("r1", "10.0.0.2", 2_000, 60_000), "IPv4 stays per address");
    }

    @Test
    void twoHundredThousandDistinctIpv6SourcesDoNotResetAHotIp() {
        RiskCounters c = new RiskCounters();
        for (int i = 0; i < 6; i++) {
            c.loginFailed("r1", null, "203.0.113.7", "invalid_user_credentials", 1_000 + i);
        }
        for (int i = 0; i < 200_000; i++) {
            // A distinct /64 each time: what an attacker with a routed /48 can rotate through.
            String ip = String.format("2001:db8:%x:%x::1", i >> 16, i & 0xffff);
            c.loginFailed("r1", null, ip, "invalid_user_credentials", 2_000 + i / 100);
        }
        assertEquals(6, c.ipFailures("r1", "203.0.113.7", 5_000, 3_600_000));
    }
}
