package dev.txauth.sms.gateway;

import dev.txauth.sms.SmsOutcome;
import dev.txauth.sms.SmsSender;
import dev.txauth.sms.SmsSenderFactory;
import dev.txauth.sms.VaultSecrets;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What every HTTP gateway factory shares: the timeouts (read once in {@link #init}, one {@link GatewayHttp} per
 * factory), the secret lookup through the vault at {@link #create}, and the option list. A gateway whose secret cannot
 * be resolved yields a sender that fails (so the next gateway is tried) and logs the option's name, never its value.
 */
public abstract class GatewaySenderFactory implements SmsSenderFactory {

    public static final String BASE_URL = "base-url";
    public static final String TIMEOUT_MS = "timeout-ms";
    public static final String CONNECT_TIMEOUT_MS = "connect-timeout-ms";

    private static final Logger LOG = Logger.getLogger(GatewaySenderFactory.class);

    private GatewayHttp http;
    private String secret;

    @Override
    public final void init(Config.Scope scope) {
        http = new GatewayHttp(
                Duration.ofMillis(scope.getInt(CONNECT_TIMEOUT_MS, GatewayHttp.DEFAULT_CONNECT_TIMEOUT_MS)),
                Duration.ofMillis(scope.getInt(TIMEOUT_MS, GatewayHttp.DEFAULT_TIMEOUT_MS)));
        readOptions(scope);
        secret = option(scope, secretOption());
    }

    /** Reads this gateway's own options into its immutable settings. */
    protected abstract void readOptions(Config.Scope scope);

    /** The option holding this gateway's secret (the value may be a {@code ${vault.…}} reference). */
    protected abstract String secretOption();

    /** The secret option's raw value (maybe a vault reference), for {@link #missingOptions()}. */
    protected final String secret() {
        return secret;
    }

    /** False for a gateway configured to send without credentials. */
    protected boolean needsSecret() {
        return true;
    }

    protected abstract SmsSender create(String secret, GatewayHttp http);

    /** This gateway's own options, declared for {@code kc.sh show-config} and docs/sms.md. */
    protected abstract void declareOptions(ProviderConfigurationBuilder builder);

    @Override
    public final SmsSender create(KeycloakSession session) {
        if (!needsSecret()) {
            return create(null, http);
        }
        Optional<String> resolved = VaultSecrets.resolve(session, secret);
        if (resolved.isEmpty()) {
            LOG.warnf("txauth-sms: %s has no usable value for option %s (unset or missing in the vault)", getId(),
                    secretOption());
            return message -> SmsOutcome.Failed.of(getId(), SmsOutcome.Reason.ERROR, "credential-unavailable");
        }
        return create(resolved.get(), http);
    }

    @Override
    public final List<ProviderConfigProperty> getConfigMetadata() {
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create();
        declareOptions(builder);
        return builder
                .property().name(TIMEOUT_MS).type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(GatewayHttp.DEFAULT_TIMEOUT_MS)
                .helpText("Milliseconds to wait for the gateway's answer before failing over to the next gateway").add()
                .property().name(CONNECT_TIMEOUT_MS).type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(GatewayHttp.DEFAULT_CONNECT_TIMEOUT_MS)
                .helpText("Milliseconds to wait for the TCP/TLS connection").add()
                .build();
    }

    /** Names of the given required options that are null. */
    protected static List<String> unset(String... namesAndValues) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value == null || value.isBlank()) {
                missing.add(namesAndValues[i]);
            }
        }
        return missing;
    }

    protected static String option(Config.Scope scope, String name) {
        String value = scope.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

}
