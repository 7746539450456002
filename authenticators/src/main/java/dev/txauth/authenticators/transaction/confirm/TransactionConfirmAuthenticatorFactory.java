package dev.txauth.authenticators.transaction.confirm;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

import java.util.List;

/**
 * Factory of {@code txauth-transaction-confirm}. Place it in the LoA-3 sub-flow of the browser flow
 * ({@code conditional-level-of-authentication} level 3, max age 0) so that every {@code acr_values=transaction}
 * request confirms its own transaction.
 */
public class TransactionConfirmAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "txauth-transaction-confirm";
    private static final TransactionConfirmAuthenticator SINGLETON = new TransactionConfirmAuthenticator();

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "txauth: confirm transaction";
    }

    @Override
    public String getReferenceCategory() {
        return "transaction-confirmation";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[]{AuthenticationExecutionModel.Requirement.REQUIRED,
                AuthenticationExecutionModel.Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public String getHelpText() {
        return "Shows the payment named by authorization_details and binds the user's TOTP or passkey approval to it.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return TransactionConfirmConfig.PROPERTIES;
    }

    @Override
    public void init(Config.Scope config) {
        // options live on the registry factory (TransactionSettings)
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
