package dev.txauth.sms.gateway;

import dev.txauth.sms.SmsSender;
import dev.txauth.sms.SmsSenderFactory;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Provider {@code outbox} (dev only, docs/api.md §9). Refused — the server does not start — when the failover order
 * names it without {@code --spi-txauth-sms-sender--outbox--file}; never used unless the order names it.
 */
public class OutboxSenderFactory implements SmsSenderFactory {

    public static final String FILE = "file";

    private Path file;

    @Override
    public void init(Config.Scope scope) {
        String value = scope.get(FILE);
        file = value == null || value.isBlank() ? null : Path.of(value.trim());
    }

    @Override
    public List<String> missingOptions() {
        return file == null ? List.of(FILE) : List.of();
    }

    @Override
    public SmsSender create(KeycloakSession session) {
        if (file == null) {
            throw new IllegalStateException("txauth-sms: the outbox needs --spi-txauth-sms-sender--outbox--file");
        }
        return new OutboxSender(file, Clock.systemUTC());
    }

    /** For the start-up warning that SMS are not really sent. */
    public Path file() {
        return file;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(FILE).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Dev only: append every SMS as a JSON line to this file instead of sending it").add()
                .build();
    }

    @Override
    public String getId() {
        return OutboxSender.ID;
    }
}
