package dev.txauth.authenticators;

import org.keycloak.Config;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * What every txauth flow step (authenticator or condition) has in common: configured per execution in the admin
 * console, REQUIRED or DISABLED, never offers user set-up, and holds no server-wide state, so the factory lifecycle is
 * empty. Subclasses say only what the step is.
 */
public abstract class FlowStepFactory implements AuthenticatorFactory {

    private static final AuthenticationExecutionModel.Requirement[] REQUIRED_OR_DISABLED = {
            AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED};

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return REQUIRED_OR_DISABLED.clone();
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    /** Per-execution configuration only; server options of the transaction feature live on the registry factory. */
    @Override
    public void init(Config.Scope config) {
        // nothing server-wide to read
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // nothing to wire
    }

    @Override
    public void close() {
        // holds nothing
    }
}
