package dev.txauth.authenticators.risk;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

import java.util.List;

/** Registers {@code txauth-device-trust} ("txauth: remember device"), the step after a second factor. */
public class DeviceTrustAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "txauth-device-trust";

    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
            AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED};
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
        return DeviceTrustConfig.PROPERTIES;
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
