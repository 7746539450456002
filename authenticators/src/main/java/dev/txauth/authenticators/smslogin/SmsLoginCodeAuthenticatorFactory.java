package dev.txauth.authenticators.smslogin;

import dev.txauth.model.provider.StatelessFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.managers.DefaultBruteForceProtector;

import java.util.List;

/**
 * Registers {@link SmsLoginCodeAuthenticator} as {@code txauth-sms-login-code} ("txauth: SMS sign-in code"). Place it as
 * an ALTERNATIVE in a second-factor sub-flow (the realm's {@code txauth risk second factor}). Its caps, code length and
 * lifetime are the realm's {@code sms.*} settings (docs/api.md §9), so it has no execution config of its own.
 */
public class SmsLoginCodeAuthenticatorFactory implements AuthenticatorFactory, StatelessFactory<Authenticator> {

    public static final String PROVIDER_ID = "txauth-sms-login-code";
    private static final SmsLoginCodeAuthenticator INSTANCE = new SmsLoginCodeAuthenticator();
    private static final AuthenticationExecutionModel.Requirement[] CHOICES = {
            AuthenticationExecutionModel.Requirement.ALTERNATIVE, AuthenticationExecutionModel.Requirement.REQUIRED,
            AuthenticationExecutionModel.Requirement.DISABLED};

    @Override
    public Authenticator create(KeycloakSession session) {
        return INSTANCE;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "txauth: SMS sign-in code";
    }

    @Override
    public String getHelpText() {
        return "A code by SMS to the user's verified phone (phone_number, phone_number_verified=true), sent through "
                + "txauth-sms-sender within the realm's SMS caps. Offered only to users with such a phone.";
    }

    /**
     * {@code otp}: Keycloak's brute-force detection counts a failed login only for the categories password, otp and
     * recovery-authn-codes (it ignores any other with a debug line), and a code by SMS is a one-time password.
     */
    @Override
    public String getReferenceCategory() {
        return DefaultBruteForceProtector.OTP_CATEGORY;
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return CHOICES.clone();
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
