package dev.txauth.authenticators.enrolment;

import dev.txauth.authenticators.FlowCondition;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.Constants;

/**
 * {@code txauth-condition-enrolment}: true when this authorization request enrols a second factor
 * ({@code kc_action=CONFIGURE_TOTP}, {@code webauthn-register}, … — from an app or the account console) for a user who
 * already has one. The realm's browser flow then makes the user prove an existing factor in this very request, after
 * the SSO cookie or the password; so a password alone (or a password just reset) never adds a factor next to the
 * user's. A user with no factor yet enrols freely: there is nothing to prove (docs/api.md §2).
 */
public final class EnrolmentConditionAuthenticator extends FlowCondition {

    static final EnrolmentConditionAuthenticator SINGLETON = new EnrolmentConditionAuthenticator();

    @Override
    public boolean matchCondition(AuthenticationFlowContext context) {
        return SecondFactorEnrolment.isEnrolment(context.getAuthenticationSession().getClientNote(Constants.KC_ACTION))
                && SecondFactorEnrolment.hasFactor(context.getUser());
    }
}
