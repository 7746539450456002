package dev.txauth.authenticators.confirm;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import java.util.List;
import java.util.Map;

/**
 * Per-execution settings of {@code txauth-transaction-confirm}: which factors the page offers (both on by default)
 * and how long the user is blocked after too many consecutive failed confirmations (docs/transactions.md). The
 * execution needs no config at all in the usual case.
 */
record TransactionConfirmConfig(boolean totpEnabled, boolean passkeyEnabled, int blockMinutes) {

    static final String TOTP_ENABLED = "totp-enabled";
    static final String PASSKEY_ENABLED = "passkey-enabled";
    static final String BLOCK_MINUTES = "failure-block-minutes";
    /** Secure default: long enough to stop guessing, short enough not to need the help desk. */
    static final int DEFAULT_BLOCK_MINUTES = 15;

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(TOTP_ENABLED).label("Authenticator app (TOTP)").type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue("true").helpText("Let the user confirm with a code from their authenticator app.").add()
            .property().name(PASSKEY_ENABLED).label("Passkey").type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue("true").helpText("Let the user confirm with a registered passkey (WebAuthn).").add()
            .property().name(BLOCK_MINUTES).label("Block after failures (minutes)")
            .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(String.valueOf(DEFAULT_BLOCK_MINUTES))
            .helpText("After 5 consecutive failed confirmations across all of a user's payments, the user may not "
                    + "confirm any payment for this many minutes (1 to 1440).").add()
            .build();

    static TransactionConfirmConfig of(AuthenticatorConfigModel model) {
        Map<String, String> config = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        return new TransactionConfirmConfig(!"false".equals(config.get(TOTP_ENABLED)),
                !"false".equals(config.get(PASSKEY_ENABLED)), blockMinutes(config.get(BLOCK_MINUTES)));
    }

    long blockSeconds() {
        return blockMinutes * 60L;
    }

    /** Unset or unreadable → the default; out of range → clamped, so a typo can never switch the block off. */
    private static int blockMinutes(String raw) {
        try {
            return raw == null || raw.isBlank() ? DEFAULT_BLOCK_MINUTES
                    : Math.max(1, Math.min(1440, Integer.parseInt(raw.trim())));
        } catch (NumberFormatException e) {
            return DEFAULT_BLOCK_MINUTES;
        }
    }
}
