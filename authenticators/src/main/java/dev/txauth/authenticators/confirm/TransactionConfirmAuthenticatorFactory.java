package dev.txauth.authenticators.confirm;

import dev.txauth.authenticators.FlowStepFactory;
import dev.txauth.transactions.detail.PaymentDisplay;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

import java.util.List;

/**
 * Factory of {@code txauth-transaction-confirm}. Place it in the LoA-3 sub-flow of the browser flow
 * ({@code conditional-level-of-authentication} level 3, max age 0) so that every {@code acr_values=transaction}
 * request confirms its own transaction.
 */
public class TransactionConfirmAuthenticatorFactory extends FlowStepFactory {

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
    public String getHelpText() {
        return "Shows the payment named by authorization_details and binds the user's TOTP or passkey approval to it.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return TransactionConfirmConfig.PROPERTIES;
    }

    /**
     * Which currency symbols are ambiguous is computed once from every JDK locale (about 2 s of CPU): do it at start
     * on a daemon thread rather than on the first user's confirmation page.
     */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        Thread warmUp = new Thread(PaymentDisplay::prepare, "txauth-currency-symbols");
        warmUp.setDaemon(true);
        warmUp.start();
    }

}
