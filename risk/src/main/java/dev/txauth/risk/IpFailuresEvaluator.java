package dev.txauth.risk;

/** Fires when this IP failed logins, for any user, at least the configured number of times recently (credential stuffing). */
final class IpFailuresEvaluator implements RiskEvaluator {

    @Override
    public RiskSignal signal() {
        return RiskSignal.IP_FAILURES;
    }

    @Override
    public boolean fires(RiskInput input, RiskPolicy policy) {
        return input.ipRecentFailures() >= policy.ipFailureThreshold();
    }
}
