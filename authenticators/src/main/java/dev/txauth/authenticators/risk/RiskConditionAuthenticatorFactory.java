package dev.txauth.authenticators.risk;

import dev.txauth.authenticators.FlowStepFactory;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.provider.ProviderConfigProperty;

import java.util.List;

/** Registers the condition {@code txauth-condition-risk} ("txauth: condition - risk") for conditional sub-flows. */
public class RiskConditionAuthenticatorFactory extends FlowStepFactory implements ConditionalAuthenticatorFactory {

    public static final String PROVIDER_ID = "txauth-condition-risk";

    @Override
    public ConditionalAuthenticator getSingleton() {
        return RiskConditionAuthenticator.SINGLETON;
    }

    @Override
    public String getDisplayType() {
        return "txauth: condition - risk";
    }

    @Override
    public String getHelpText() {
        return "True when 'txauth: device risk' decided STEP_UP or higher in this login (or, with match=passkey, "
                + "when a passkey is required).";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return RiskConditionConfig.PROPERTIES;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
