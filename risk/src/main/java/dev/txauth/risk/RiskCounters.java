package dev.txauth.risk;

import java.util.Set;

/**
 * The risk engine's memory of recent logins on this node: failed logins per IP (per /64 for IPv6, see
 * {@link NetworkPrefix#source}) and per user, successful logins per user. Fed by {@link RiskCountersListenerFactory} from Keycloak's login events, read by the risk authenticator.
 * Per node by design: it is a cheap early signal, while the per-user count also comes from Keycloak's cluster-wide
 * brute-force data.
 */
public final class RiskCounters {

    /** Keycloak's error codes for a wrong username, password or OTP: what an attacker's guess produces. */
    static final Set<String> GUESS_ERRORS = Set.of("invalid_user_credentials", "user_not_found", "invalid_user");

    private static final long RETENTION_MILLIS = RiskConfig.MAX_WINDOW_MINUTES * 60_000L;

    private final SlidingWindowCounter ipFailures = new SlidingWindowCounter(RETENTION_MILLIS, 100_000, 1_000);
    private final SlidingWindowCounter userFailures = new SlidingWindowCounter(RETENTION_MILLIS, 100_000, 100);
    private final SlidingWindowCounter userLogins = new SlidingWindowCounter(RETENTION_MILLIS, 100_000, 100);

    public void loginFailed(String realmId, String userId, String ip, String error, long nowMillis) {
        if (!GUESS_ERRORS.contains(error)) {
            return;
        }
        ipFailures.record(key(realmId, NetworkPrefix.source(ip)), nowMillis);
        if (userId != null) {
            userFailures.record(key(realmId, userId), nowMillis);
        }
    }

    public void loginSucceeded(String realmId, String userId, long nowMillis) {
        userLogins.record(key(realmId, userId), nowMillis);
    }

    public int ipFailures(String realmId, String ip, long nowMillis, long windowMillis) {
        return ipFailures.count(key(realmId, NetworkPrefix.source(ip)), nowMillis, windowMillis);
    }

    public int userFailures(String realmId, String userId, long nowMillis, long windowMillis) {
        return userFailures.count(key(realmId, userId), nowMillis, windowMillis);
    }

    public int userLogins(String realmId, String userId, long nowMillis, long windowMillis) {
        return userLogins.count(key(realmId, userId), nowMillis, windowMillis);
    }

    private static String key(String realmId, String subject) {
        return subject == null ? null : realmId + '|' + subject;
    }
}
