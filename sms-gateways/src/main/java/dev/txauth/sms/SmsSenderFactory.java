package dev.txauth.sms;

import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;

/** Factory type of the {@code txauth-sms-sender} SPI; registered in {@code META-INF/services/dev.txauth.sms.SmsSenderFactory}. */
public interface SmsSenderFactory extends ProviderFactory<SmsSender> {

    /**
     * Server options still unset that this sender needs before it may be in the failover list; checked once at
     * start by {@link SmsDispatcherFactory}, so a half-configured gateway stops the server instead of failing every SMS.
     */
    default java.util.List<String> missingOptions() {
        return java.util.List.of();
    }

    /** Senders need nothing from other providers at start. */
    @Override
    default void postInit(KeycloakSessionFactory factory) {
    }

    /** Nothing to release by default: HTTP clients and files are closed with the JVM. */
    @Override
    default void close() {
    }
}
