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
}
