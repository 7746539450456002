package dev.txauth.authenticators.phone;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Registers {@link VerifyPhoneRequiredAction} as {@code txauth-verify-phone} (docs/api.md §9). */
public class VerifyPhoneRequiredActionFactory implements RequiredActionFactory {

    public static final String PROVIDER_ID = "txauth-verify-phone";
    private static final VerifyPhoneRequiredAction INSTANCE = new VerifyPhoneRequiredAction();

    @Override
    public String getDisplayText() {
        return "Verify phone number (txauth)";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return INSTANCE;
    }

    @Override
    public void init(Config.Scope config) {
        // no options: caps and code length come from the realm's txauth settings
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // nothing to look up
    }

    @Override
    public void close() {
        // stateless
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
