package dev.txauth.authenticators.risk;

import dev.txauth.authenticators.FlowStepFactory;
import dev.txauth.risk.RiskConfig;
import dev.txauth.risk.RiskEngine;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

import java.util.List;

/**
 * Registers {@code txauth-device-risk} ("Device risk") for the admin console. Place it after the step that identifies
 * the user, followed by conditional sub-flows guarded by {@code txauth-condition-risk}.
 */
public class DeviceRiskAuthenticatorFactory extends FlowStepFactory {

    public static final String PROVIDER_ID = "txauth-device-risk";

    private final DeviceRiskAuthenticator authenticator;

    public DeviceRiskAuthenticatorFactory() {
        this(false);
    }

    DeviceRiskAuthenticatorFactory(boolean transactionLevel) {
        this.authenticator = new DeviceRiskAuthenticator(new RiskEngine(), transactionLevel);
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return authenticator;
    }

    @Override
    public String getDisplayType() {
        return "txauth: device risk";
    }

    @Override
    public String getHelpText() {
        return "Scores the login (unknown device, new network, failures, velocity, browser change, large payment) and "
                + "decides ALLOW, STEP_UP or DENY. Put it after the password; guard second-factor sub-flows with "
                + "'txauth: condition - risk'.";
    }

    @Override
    public String getReferenceCategory() {
        return "txauth-risk";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return RiskConfig.PROPERTIES;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
