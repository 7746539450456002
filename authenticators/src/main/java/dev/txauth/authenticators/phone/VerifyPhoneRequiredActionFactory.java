package dev.txauth.authenticators.phone;

import dev.txauth.model.provider.StatelessFactory;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;

/** Registers {@link VerifyPhoneRequiredAction} as {@code txauth-verify-phone} (docs/api.md §9). */
public class VerifyPhoneRequiredActionFactory implements RequiredActionFactory,
        StatelessFactory<RequiredActionProvider> {

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
    public String getId() {
        return PROVIDER_ID;
    }
}
