package dev.txauth.authenticators;

import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.provider.ProviderConfigProperty;

import java.util.List;

/**
 * What the factory of every txauth condition says, and nothing else: its id, its name and help text in the admin
 * console, the stateless condition itself and its per-execution settings (none makes it not configurable).
 */
public abstract class FlowConditionFactory extends FlowStepFactory implements ConditionalAuthenticatorFactory {

    private final String id;
    private final String displayType;
    private final String helpText;
    private final ConditionalAuthenticator condition;
    private final List<ProviderConfigProperty> properties;

    protected FlowConditionFactory(String id, String displayType, String helpText, ConditionalAuthenticator condition,
                                   List<ProviderConfigProperty> properties) {
        this.id = id;
        this.displayType = displayType;
        this.helpText = helpText;
        this.condition = condition;
        this.properties = List.copyOf(properties);
    }

    @Override
    public ConditionalAuthenticator getSingleton() {
        return condition;
    }

    @Override
    public boolean isConfigurable() {
        return !properties.isEmpty();
    }

    @Override
    public String getDisplayType() {
        return displayType;
    }

    @Override
    public String getHelpText() {
        return helpText;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return properties;
    }

    @Override
    public String getId() {
        return id;
    }
}
