package dev.txauth.risk;

import java.math.BigDecimal;

/**
 * Everything the engine knows about one login, gathered by the authenticator before scoring. Plain values only, so the
 * engine is tested without a server.
 *
 * @param deviceKnown        the browser's device cookie matches a device this user confirmed with a second factor
 * @param networkSeen        the client network (IPv4 /24, IPv6 /48) is one this user's known devices last used
 * @param userRecentFailures failed logins of this user inside the failure window
 * @param ipRecentFailures   failed logins from this IP (any user) inside the failure window
 * @param recentLogins       successful logins of this user inside the velocity window, this one excluded
 * @param userAgentFamily    browser + OS family of this request
 * @param lastUserAgentFamily family of the user's most recently seen known device, or null when there is none
 * @param transactionAmount  amount of the payment being confirmed ({@code acr_values=transaction}), or null
 */
public record RiskInput(boolean deviceKnown, boolean networkSeen, int userRecentFailures, int ipRecentFailures,
                        int recentLogins, String userAgentFamily, String lastUserAgentFamily,
                        BigDecimal transactionAmount) {

    /** A login with nothing suspicious about it; tests derive the case they need from it. */
    public static RiskInput quiet() {
        return new RiskInput(true, true, 0, 0, 0, "Firefox on Linux", "Firefox on Linux", null);
    }

    public RiskInput withDeviceKnown(boolean known) {
        return new RiskInput(known, networkSeen, userRecentFailures, ipRecentFailures, recentLogins, userAgentFamily,
                lastUserAgentFamily, transactionAmount);
    }

    public RiskInput withNetworkSeen(boolean seen) {
        return new RiskInput(deviceKnown, seen, userRecentFailures, ipRecentFailures, recentLogins, userAgentFamily,
                lastUserAgentFamily, transactionAmount);
    }

    public RiskInput withFailures(int user, int ip) {
        return new RiskInput(deviceKnown, networkSeen, user, ip, recentLogins, userAgentFamily, lastUserAgentFamily,
                transactionAmount);
    }

    public RiskInput withRecentLogins(int logins) {
        return new RiskInput(deviceKnown, networkSeen, userRecentFailures, ipRecentFailures, logins, userAgentFamily,
                lastUserAgentFamily, transactionAmount);
    }

    public RiskInput withUserAgents(String current, String last) {
        return new RiskInput(deviceKnown, networkSeen, userRecentFailures, ipRecentFailures, recentLogins, current,
                last, transactionAmount);
    }

    public RiskInput withTransactionAmount(BigDecimal amount) {
        return new RiskInput(deviceKnown, networkSeen, userRecentFailures, ipRecentFailures, recentLogins,
                userAgentFamily, lastUserAgentFamily, amount);
    }
}
