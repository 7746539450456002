package dev.txauth.transactions;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.services.resource.RealmResourceProvider;

import java.math.BigDecimal;
import java.util.List;

/**
 * Server options of the transaction registry, read once at start:
 * {@code --spi-realm-restapi-extension--txauth--pending-lifetime=300} (seconds a registered transaction waits for the
 * user), {@code --...--approval-lifetime=120} (seconds an approval stays consumable), {@code --...--max-amount}
 * (largest amount accepted, major units) and {@code --...--max-failures=5}.
 */
public record TransactionSettings(int pendingLifetime, int approvalLifetime, BigDecimal maxAmount, int maxFailures) {

    public static final int MAX_BODY_BYTES = 16 * 1024;
    public static final TransactionSettings DEFAULTS = new TransactionSettings(300, 120,
            new BigDecimal("100000000"), 5);

    public static TransactionSettings read(Config.Scope config) {
        return new TransactionSettings(
                Math.min(config.getInt("pending-lifetime", DEFAULTS.pendingLifetime), 300),
                Math.min(config.getInt("approval-lifetime", DEFAULTS.approvalLifetime), 120),
                new BigDecimal(config.get("max-amount", DEFAULTS.maxAmount.toPlainString())),
                Math.min(config.getInt("max-failures", DEFAULTS.maxFailures), 5));
    }

    /**
     * The settings the registry factory read at start. The confirm authenticator and the RAR processor belong to other
     * SPIs; they look the one set up through the session factory instead of each parsing its own copy.
     */
    public static TransactionSettings of(KeycloakSession session) {
        ProviderFactory<?> factory = session.getKeycloakSessionFactory()
                .getProviderFactory(RealmResourceProvider.class, TxauthRealmResourceProviderFactory.PROVIDER_ID);
        return factory instanceof TxauthRealmResourceProviderFactory registry ? registry.settings() : DEFAULTS;
    }

    public static List<ProviderConfigProperty> metadata() {
        return ProviderConfigurationBuilder.create()
                .property().name("pending-lifetime").type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(DEFAULTS.pendingLifetime)
                .helpText("Seconds a registered transaction waits for the user's decision (at most 300).").add()
                .property().name("approval-lifetime").type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(DEFAULTS.approvalLifetime)
                .helpText("Seconds an approval stays consumable by the payment service (at most 120).").add()
                .property().name("max-amount").type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(DEFAULTS.maxAmount.toPlainString())
                .helpText("Largest amount a transaction may carry, in major units.").add()
                .property().name("max-failures").type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(DEFAULTS.maxFailures)
                .helpText("Consecutive failed confirmations that lock a transaction (at most 5).").add()
                .build();
    }
}
