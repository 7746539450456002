package dev.txauth.authenticators;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * What txauth's flow steps share: they run once the user is identified, they always run for that user (each decides
 * for itself what a user without a factor sees, rather than being skipped by Keycloak), they never force required
 * actions through Keycloak's configuredFor mechanism, and they hold nothing between requests.
 */
public abstract class UserFlowStep implements Authenticator {

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        // decided per login by the step itself
    }

    @Override
    public void close() {
        // request-scoped, nothing held
    }
}
