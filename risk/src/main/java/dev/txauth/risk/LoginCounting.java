package dev.txauth.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which counters a login event adds to. A wrong username, password or OTP (what an attacker's guess produces) adds
 * to the failures of its client IP, of that IP with that account, and of the user; a refused login for any other
 * reason (a risk DENY, a disabled or locked account) is no guess and counts nowhere. A successful login adds to the
 * user's velocity. Pure: the event listener hands in the event's fields.
 */
public final class LoginCounting {

    /** Keycloak's error codes for a wrong username, password or OTP. */
    static final Set<String> GUESS_ERRORS = Set.of("invalid_user_credentials", "user_not_found", "invalid_user");

    private LoginCounting() {
    }

    /** The counters a failed login adds one to, in the one order every writer locks them in. */
    public static List<CounterKey> failure(String userId, String username, String ip, String error) {
        if (error == null || !GUESS_ERRORS.contains(error)) { // Set.of throws on contains(null)
            return List.of();
        }
        List<CounterKey> keys = new ArrayList<>(3);
        keys.add(CounterKey.ipFailures(ip));
        keys.add(CounterKey.ipUserFailures(ip, userId, username));
        if (userId != null) {
            keys.add(CounterKey.userFailures(userId));
        }
        return keys;
    }

    public static List<CounterKey> success(String userId) {
        return userId == null ? List.of() : List.of(CounterKey.userLogins(userId));
    }
}
