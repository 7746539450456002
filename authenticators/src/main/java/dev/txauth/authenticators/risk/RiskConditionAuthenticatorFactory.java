package dev.txauth.authenticators.risk;

import org.keycloak.Config;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

import java.util.List;

/** Registers the condition {@code txauth-condition-risk} ("txauth: condition - risk") for conditional sub-flows. */
public class RiskConditionAuthenticatorFactory implements ConditionalAuthenticatorFactory {

    public static final String PROVIDER_ID = "txauth-condition-risk";

    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
            AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED};

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
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return REQUIREMENTS;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return RiskConditionConfig.PROPERTIES;
    }

    @Override
    public void init(Config.Scope config) {
        // per-execution config only
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // nothing to wire
    }

    @Override
    public void close() {
        // holds nothing
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
