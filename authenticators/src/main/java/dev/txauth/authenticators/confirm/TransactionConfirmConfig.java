package dev.txauth.authenticators.confirm;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import java.util.List;
import java.util.Map;

/**
 * Per-execution settings of {@code txauth-transaction-confirm}: which factors the page offers. Both default to on;
 * the execution needs no config at all in the usual case.
 */
record TransactionConfirmConfig(boolean totpEnabled, boolean passkeyEnabled) {

    static final String TOTP_ENABLED = "totp-enabled";
    static final String PASSKEY_ENABLED = "passkey-enabled";

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(TOTP_ENABLED).label("Authenticator app (TOTP)").type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue("true").helpText("Let the user confirm with a code from their authenticator app.").add()
            .property().name(PASSKEY_ENABLED).label("Passkey").type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue("true").helpText("Let the user confirm with a registered passkey (WebAuthn).").add()
            .build();

    static TransactionConfirmConfig of(AuthenticatorConfigModel model) {
        Map<String, String> config = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        return new TransactionConfirmConfig(!"false".equals(config.get(TOTP_ENABLED)),
                !"false".equals(config.get(PASSKEY_ENABLED)));
    }
}
