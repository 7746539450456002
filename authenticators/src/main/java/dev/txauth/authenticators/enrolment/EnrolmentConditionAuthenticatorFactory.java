package dev.txauth.authenticators.enrolment;

import dev.txauth.authenticators.FlowStepFactory;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.provider.ProviderConfigProperty;

import java.util.List;

/** Registers the condition {@code txauth-condition-enrolment} ("txauth: condition - factor enrolment"). */
public class EnrolmentConditionAuthenticatorFactory extends FlowStepFactory implements ConditionalAuthenticatorFactory {

    public static final String PROVIDER_ID = "txauth-condition-enrolment";

    @Override
    public ConditionalAuthenticator getSingleton() {
        return EnrolmentConditionAuthenticator.SINGLETON;
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public String getDisplayType() {
        return "txauth: condition - factor enrolment";
    }

    @Override
    public String getHelpText() {
        return "True when the request enrols a second factor (kc_action) for a user who already has one.";
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
