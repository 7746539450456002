package dev.txauth.authenticators.smslogin;

import dev.txauth.sms.VerifiedPhone;
import dev.txauth.authenticators.FlowCondition;
import org.keycloak.authentication.AuthenticationFlowContext;

/**
 * {@code txauth-condition-verified-phone}: true when the user has a verified phone a gateway can reach — exactly when
 * {@code txauth-sms-login-code} is configured for them. It guards the sub-flow that holds the SMS code, because
 * Keycloak's "Try another way" lists every non-credential alternative of a flow whether the user could use it or not;
 * a conditional sub-flow whose condition is false is left out of that list (and, empty, never passes).
 */
public final class VerifiedPhoneConditionAuthenticator extends FlowCondition {

    static final VerifiedPhoneConditionAuthenticator SINGLETON = new VerifiedPhoneConditionAuthenticator();

    @Override
    public boolean matchCondition(AuthenticationFlowContext context) {
        return context.getUser() != null
                && VerifiedPhone.of(context.getSession(), context.getUser()).isPresent();
    }
}
