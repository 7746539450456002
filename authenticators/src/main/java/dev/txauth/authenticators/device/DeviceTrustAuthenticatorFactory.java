package dev.txauth.authenticators.device;

import dev.txauth.authenticators.FlowStepFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

import java.util.List;

/** Registers {@code txauth-device-trust} ("txauth: remember device"), the step after a second factor. */
public class DeviceTrustAuthenticatorFactory extends FlowStepFactory {

    public static final String PROVIDER_ID = "txauth-device-trust";

    private static final DeviceTrustAuthenticator SINGLETON = new DeviceTrustAuthenticator();

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public String getDisplayType() {
        return "txauth: remember device";
    }

    @Override
    public String getHelpText() {
        return "After a second factor (OTP or WebAuthn) in this login: makes the browser a known device of the user "
                + "and sends the new-device alert email.";
    }

    @Override
    public String getReferenceCategory() {
        return "txauth-risk";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return DeviceTrustConfig.PROPERTIES;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
