package dev.txauth.risk;

/** Fires when the browser/OS family differs from the one the user's most recent known device had. */
final class UserAgentChangeEvaluator implements RiskEvaluator {

    @Override
    public RiskSignal signal() {
        return RiskSignal.USER_AGENT_CHANGE;
    }

    @Override
    public boolean fires(RiskInput input, RiskPolicy policy) {
        return input.lastUserAgentFamily() != null && !input.lastUserAgentFamily().equals(input.userAgentFamily());
    }
}
