package dev.txauth.risk;

/** Fires when this user failed to log in at least the configured number of times recently (guessing). */
final class UserFailuresEvaluator implements RiskEvaluator {

    @Override
    public RiskSignal signal() {
        return RiskSignal.USER_FAILURES;
    }

    @Override
    public boolean fires(RiskInput input, RiskPolicy policy) {
        return input.userRecentFailures() >= policy.userFailureThreshold();
    }
}
