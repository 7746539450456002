package dev.txauth.authenticators;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * What every txauth condition has in common: no form, needs the user, sets no required action, holds nothing.
 * Subclasses say only when they match.
 */
public abstract class FlowCondition implements ConditionalAuthenticator {

    @Override
    public void action(AuthenticationFlowContext context) {
        // conditions have no form
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        // none
    }

    @Override
    public void close() {
        // stateless
    }
}
