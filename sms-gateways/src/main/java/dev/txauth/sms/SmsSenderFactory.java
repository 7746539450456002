package dev.txauth.sms;

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
}
