package dev.txauth.authenticators.throttle;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordFormFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Registers {@code txauth-username-password-form} ("txauth: username password form (throttled)"): put it where
 * {@code auth-username-password-form} would be. Everything else — the reference category, requirements, conditional
 * passkeys — is Keycloak's own form's.
 */
public class ThrottledPasswordFormFactory extends UsernamePasswordFormFactory {

    public static final String PROVIDER_ID = "txauth-username-password-form";

    @Override
    public Authenticator create(KeycloakSession session) {
        return new ThrottledPasswordForm(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "txauth: username password form (throttled)";
    }

    @Override
    public String getHelpText() {
        return "Keycloak's username and password form, refusing with 429 before any password check when the client IP "
                + "or (IP, username) has too many recent failures (txauth settings, throttle).";
    }
}
