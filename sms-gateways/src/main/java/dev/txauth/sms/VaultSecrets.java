package dev.txauth.sms;

import org.keycloak.models.KeycloakSession;
import org.keycloak.vault.VaultStringSecret;

import java.util.Optional;

/**
 * Gateway credentials come from server options (environment, {@code conf/keycloak.conf}) or Keycloak's vault: an
 * option value {@code ${vault.termii_api_key}} is looked up through {@code session.vault()} at each use, so a rotated
 * vault entry takes effect without a restart. A plain value is returned as is. Never from the realm file.
 */
public final class VaultSecrets {

    private VaultSecrets() {
    }

    /** @return the secret, or empty when the option names a vault entry that does not exist */
    public static Optional<String> resolve(KeycloakSession session, String optionValue) {
        if (optionValue == null) {
            return Optional.empty();
        }
        try (VaultStringSecret secret = session.vault().getStringSecret(optionValue)) {
            return secret.get().filter(s -> !s.isEmpty());
        }
    }
}
