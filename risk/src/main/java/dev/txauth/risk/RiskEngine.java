package dev.txauth.risk;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores a login: the sum of the weights of the signals that fire, capped at 100, then two thresholds turn the score
 * into a decision. A large payment from an unknown device may raise the decision further, as the policy says.
 * Plain Java and stateless, so one instance serves every request.
 */
public final class RiskEngine {

    private final List<RiskEvaluator> evaluators;

    public RiskEngine() {
        this(List.of(new UnknownDeviceEvaluator(), new NewNetworkEvaluator(), new UserFailuresEvaluator(),
                new IpFailuresEvaluator(), new LoginVelocityEvaluator(), new UserAgentChangeEvaluator(),
                new LargeAmountEvaluator()));
    }

    RiskEngine(List<RiskEvaluator> evaluators) {
        this.evaluators = List.copyOf(evaluators);
    }

    public RiskAssessment assess(RiskInput input, RiskPolicy policy) {
        List<RiskSignal> fired = new ArrayList<>();
        int score = 0;
        for (RiskEvaluator evaluator : evaluators) {
            if (evaluator.fires(input, policy)) {
                fired.add(evaluator.signal());
                score += policy.weight(evaluator.signal());
            }
        }
        score = Math.min(score, 100);
        RiskDecision decision = score >= policy.denyThreshold() ? RiskDecision.DENY
                : score >= policy.stepUpThreshold() ? RiskDecision.STEP_UP : RiskDecision.ALLOW;
        if (fired.contains(RiskSignal.LARGE_AMOUNT)) {
            decision = switch (policy.largeAmountAction()) {
                case SCORE -> decision;
                case PASSKEY -> decision.max(RiskDecision.STEP_UP_PASSKEY);
                case DENY -> RiskDecision.DENY;
            };
        }
        return new RiskAssessment(score, fired, decision);
    }
}
