package dev.txauth.authenticators.binding;

import dev.txauth.authenticators.FlowStepFactory;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.provider.ProviderConfigProperty;

import java.util.List;

/** Registers the condition {@code txauth-condition-device-key} ("txauth: condition - another phone"). */
public class DeviceKeyConditionAuthenticatorFactory extends FlowStepFactory implements ConditionalAuthenticatorFactory {

    public static final String PROVIDER_ID = "txauth-condition-device-key";

    @Override
    public ConditionalAuthenticator getSingleton() {
        return DeviceKeyConditionAuthenticator.SINGLETON;
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public String getDisplayType() {
        return "txauth: condition - another phone";
    }

    @Override
    public String getHelpText() {
        return "True when the app's DPoP key (dpop_jkt) is not the user's bound one and no second factor was passed yet.";
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
