package dev.txauth.webhooks;

import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The server options of {@code txauth-webhooks}, as {@code kc.sh show-config} and the provider info list them. */
final class WebhookConfigProperties {

    static final List<ProviderConfigProperty> METADATA = ProviderConfigurationBuilder.create()
            .property().name(WebhookConfig.SECRET_KEY_FILE).type(ProviderConfigProperty.STRING_TYPE)
            .helpText("File with the key (at least 32 bytes) that encrypts endpoint secrets, the same on every node, "
                    + "never in the database. Default: a random key this node creates in state-dir (single node).")
            .add()
            .property().name(WebhookConfig.STATE_DIR).type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Directory for the generated secret key. Default: <keycloak>/data/txauth-webhooks.").add()
            .property().name(WebhookConfig.ALLOW_LOOPBACK).type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue(false).helpText("Allow endpoints on loopback addresses (development and tests only).").add()
            .property().name(WebhookConfig.ALLOW_PRIVATE).type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue(false).helpText("Allow endpoints on private (RFC 1918) and unique-local IPv6 addresses.")
            .add()
            .property().name(WebhookConfig.TIMEOUT_MS).type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(WebhookConfig.DEFAULT_TIMEOUT_MS).helpText("Connect + answer time allowed per attempt.")
            .add()
            .property().name(WebhookConfig.RETRY_BASE_MS).type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(WebhookConfig.DEFAULT_RETRY_BASE_MS)
            .helpText("Delay before the first retry; doubled per attempt, with jitter.").add()
            .property().name(WebhookConfig.RETRY_MAX_DELAY_MS).type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(WebhookConfig.DEFAULT_RETRY_MAX_DELAY_MS).helpText("Longest delay between two attempts.")
            .add()
            .property().name(WebhookConfig.MAX_AGE_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(WebhookConfig.DEFAULT_MAX_AGE_SECONDS)
            .helpText("A delivery still not accepted this long after its event becomes failed.").add()
            .property().name(WebhookConfig.PAUSE_AFTER_FAILURES).type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(WebhookConfig.DEFAULT_PAUSE_AFTER_FAILURES)
            .helpText("Consecutive failed attempts after which an endpoint is paused.").add()
            .property().name(WebhookConfig.PAUSE_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(WebhookConfig.DEFAULT_PAUSE_SECONDS)
            .helpText("How long a paused endpoint gets no attempts; then one more failure pauses it again.").add()
            .property().name(WebhookConfig.POLL_INTERVAL_MS).type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(WebhookConfig.DEFAULT_POLL_INTERVAL_MS)
            .helpText("How often each node looks for due deliveries (a commit on this node wakes it at once).").add()
            .property().name(WebhookConfig.BATCH_SIZE).type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(WebhookConfig.DEFAULT_BATCH_SIZE).helpText("Deliveries claimed per transaction.").add()
            .property().name(WebhookConfig.SENDER_THREADS).type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(WebhookConfig.DEFAULT_SENDER_THREADS).helpText("Parallel HTTP attempts per node.").add()
            .build();

    private WebhookConfigProperties() {
    }

    static WebhookConfig read(Config.Scope scope) {
        String keyFile = scope.get(WebhookConfig.SECRET_KEY_FILE);
        String stateDir = scope.get(WebhookConfig.STATE_DIR);
        Duration timeout = ms(scope.getInt(WebhookConfig.TIMEOUT_MS, WebhookConfig.DEFAULT_TIMEOUT_MS));
        return new WebhookConfig(keyFile == null || keyFile.isBlank() ? null : Path.of(keyFile),
                stateDir == null || stateDir.isBlank() ? WebhookConfig.defaultStateDir() : Path.of(stateDir),
                scope.getBoolean(WebhookConfig.ALLOW_LOOPBACK, false),
                scope.getBoolean(WebhookConfig.ALLOW_PRIVATE, false), timeout,
                ms(scope.getInt(WebhookConfig.RETRY_BASE_MS, WebhookConfig.DEFAULT_RETRY_BASE_MS)),
                ms(scope.getInt(WebhookConfig.RETRY_MAX_DELAY_MS, WebhookConfig.DEFAULT_RETRY_MAX_DELAY_MS)),
                Duration.ofSeconds(scope.getInt(WebhookConfig.MAX_AGE_SECONDS, WebhookConfig.DEFAULT_MAX_AGE_SECONDS)),
                scope.getInt(WebhookConfig.PAUSE_AFTER_FAILURES, WebhookConfig.DEFAULT_PAUSE_AFTER_FAILURES),
                Duration.ofSeconds(scope.getInt(WebhookConfig.PAUSE_SECONDS, WebhookConfig.DEFAULT_PAUSE_SECONDS)),
                ms(scope.getInt(WebhookConfig.POLL_INTERVAL_MS, WebhookConfig.DEFAULT_POLL_INTERVAL_MS)),
                scope.getInt(WebhookConfig.BATCH_SIZE, WebhookConfig.DEFAULT_BATCH_SIZE),
                scope.getInt(WebhookConfig.SENDER_THREADS, WebhookConfig.DEFAULT_SENDER_THREADS),
                WebhookConfig.leaseFor(timeout));
    }

    private static Duration ms(int millis) {
        return Duration.ofMillis(millis);
    }
}
