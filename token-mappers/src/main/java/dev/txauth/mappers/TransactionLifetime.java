package dev.txauth.mappers;

import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.provider.ProviderConfigProperty;

import java.util.List;

/** The mapper setting that caps a transaction token's lifetime ({@code exp - iat}). */
final class TransactionLifetime {

    static final String KEY = "transaction.token.lifespan";
    static final int DEFAULT_SECONDS = 60;

    private TransactionLifetime() {
    }

    static void addConfig(List<ProviderConfigProperty> config) {
        ProviderConfigProperty lifespan = new ProviderConfigProperty(KEY, "Transaction token lifespan (s)",
                "Seconds a token carrying an approved transaction stays valid (exp - iat); the realm's access token "
                        + "lifespan applies when it is shorter.", ProviderConfigProperty.STRING_TYPE,
                String.valueOf(DEFAULT_SECONDS));
        config.add(lifespan);
    }

    static int of(ProtocolMapperModel mapping) {
        String value = mapping.getConfig() == null ? null : mapping.getConfig().get(KEY);
        try {
            int seconds = value == null || value.isBlank() ? DEFAULT_SECONDS : Integer.parseInt(value.trim());
            return seconds > 0 ? seconds : DEFAULT_SECONDS;
        } catch (NumberFormatException e) {
            return DEFAULT_SECONDS;
        }
    }
}
