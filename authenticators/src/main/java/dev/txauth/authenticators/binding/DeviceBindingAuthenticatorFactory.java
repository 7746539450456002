package dev.txauth.authenticators.binding;

import dev.txauth.authenticators.FlowStepFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

import java.util.List;

/** Registers {@code txauth-device-binding} ("txauth: one bound phone"), the last step of the browser flow. */
public class DeviceBindingAuthenticatorFactory extends FlowStepFactory {

    public static final String PROVIDER_ID = "txauth-device-binding";

    private static final DeviceBindingAuthenticator SINGLETON = new DeviceBindingAuthenticator();

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public String getDisplayType() {
        return "txauth: one bound phone";
    }

    @Override
    public String getHelpText() {
        return "Binds the app's DPoP key (dpop_jkt) as the user's one phone after a second factor; another key gets "
                + "the bind page (the other phone is signed out) and is refused for payment confirmation.";
    }

    @Override
    public String getReferenceCategory() {
        return "txauth-device-binding";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
