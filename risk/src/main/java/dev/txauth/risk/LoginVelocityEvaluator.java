package dev.txauth.risk;

/** Fires when this user logged in at least the configured number of times recently (a script, or a session being farmed). */
final class LoginVelocityEvaluator implements RiskEvaluator {

    @Override
    public RiskSignal signal() {
        return RiskSignal.LOGIN_VELOCITY;
    }

    @Override
    public boolean fires(RiskInput input, RiskPolicy policy) {
        return input.recentLogins() >= policy.velocityMaxLogins();
    }
}
