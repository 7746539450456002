package dev.txauth.risk;

import java.util.Map;

/**
 * The per-IP throttle of failed password attempts (docs/api.md §10, docs/throttle.md): at most {@code perIpAndUser}
 * failures per (client IP, account) and {@code perIp} per client IP inside the window; at the limit the next attempt is
 * refused before any password is checked. The tight limit is per (IP, account) and the loose one per IP, because a
 * mobile carrier's CGNAT puts thousands of honest users behind one address. Pure: the counts come from
 * {@code txauth_login_counter}.
 *
 * @param perIpAndUser  failures allowed per (IP, account) in the window
 * @param perIp         failures allowed per IP, any account, in the window
 * @param windowMinutes the window
 */
public record LoginThrottle(int perIpAndUser, int perIp, int windowMinutes) {

    public LoginThrottle {
        if (perIpAndUser < 1 || perIp < 1 || windowMinutes < 1 || windowMinutes > CounterKind.THROTTLE_RETENTION_MINUTES) {
            throw new IllegalArgumentException("throttle limits and window must be positive, window at most a day");
        }
    }

    /** Which limit refused an attempt (event detail {@code throttle_scope}). */
    public enum Scope {
        IP, IP_AND_USERNAME;

        public String wireValue() {
            return this == IP ? "ip" : "ip_username";
        }
    }

    /** @param retryAfterSeconds for {@code Retry-After}; 0 when allowed */
    public record Verdict(Scope scope, long retryAfterSeconds) {

        static final Verdict ALLOWED = new Verdict(null, 0);

        public boolean throttled() {
            return scope != null;
        }
    }

    /**
     * @param ipBuckets   failures of the client IP per minute
     * @param pairBuckets failures of this IP with this account per minute, or null before a username is known
     */
    public Verdict check(Map<Long, Integer> ipBuckets, Map<Long, Integer> pairBuckets, long nowMillis) {
        long ipWait = MinuteBuckets.secondsUntilBelow(ipBuckets, perIp, nowMillis, windowMinutes);
        long pairWait = pairBuckets == null ? 0
                : MinuteBuckets.secondsUntilBelow(pairBuckets, perIpAndUser, nowMillis, windowMinutes);
        if (ipWait == 0 && pairWait == 0) {
            return Verdict.ALLOWED;
        }
        // Both must be below their limit before an attempt goes through: wait for the later one.
        return new Verdict(pairWait > ipWait ? Scope.IP_AND_USERNAME : Scope.IP, Math.max(ipWait, pairWait));
    }
}
