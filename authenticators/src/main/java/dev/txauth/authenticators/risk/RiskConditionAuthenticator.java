package dev.txauth.authenticators.risk;

import dev.txauth.authenticators.FlowCondition;
import dev.txauth.risk.RiskDecision;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * {@code txauth-condition-risk}: opens a conditional sub-flow according to the decision {@code txauth-device-risk}
 * recorded earlier in this login. No decision recorded (the risk step did not run) means no match.
 */
public final class RiskConditionAuthenticator extends FlowCondition {

    static final RiskConditionAuthenticator SINGLETON = new RiskConditionAuthenticator();

    @Override
    public boolean matchCondition(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String recorded = authSession.getAuthNote(RiskNotes.DECISION);
        if (recorded == null) {
            return false;
        }
        RiskDecision decision = RiskDecision.valueOf(recorded);
        if (RiskConditionConfig.of(context.getAuthenticatorConfig()).passkeyOnly()) {
            return decision == RiskDecision.STEP_UP_PASSKEY;
        }
        return decision.atLeast(RiskDecision.STEP_UP)
                && authSession.getAuthNote(RiskNotes.DEVICE_TRUSTED) == null
                && authSession.getAuthNote(RiskNotes.ENROLMENT_REQUIRED) == null;
    }
}
