package dev.txauth.webhooks;

import dev.txauth.audit.OwnerOnly;
import io.micrometer.core.instrument.Metrics;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * Registers the {@code txauth-webhooks} event listener (Realm settings → Events → Event listeners; the payments realm
 * enables it). Reads the server options once, loads the secret-sealing key from outside the database, and owns the
 * node's sender and metrics; the sender starts once Keycloak's migration (which creates the outbox) is done.
 */
public class WebhookEventListenerProviderFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "txauth-webhooks";
    static final String GENERATED_KEY_FILE = "secret-seal.key";
    private static final Logger LOG = Logger.getLogger(WebhookEventListenerProviderFactory.class);

    private WebhookConfig config;
    private SecretSealer sealer;
    private WebhookSender sender;
    private WebhookMetrics metrics;

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new WebhookEventListenerProvider(session, sender);
    }

    @Override
    public void init(Config.Scope scope) {
        config = WebhookConfigProperties.read(scope);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        try {
            sealer = new SecretSealer(loadKey());
        } catch (IOException e) {
            throw new UncheckedIOException("txauth-webhooks: cannot read or create the secret key", e);
        }
        metrics = new WebhookMetrics(Metrics.globalRegistry);
        sender = new WebhookSender(factory, config, sealer, metrics);
        factory.register(event -> {
            if (event instanceof RealmModel.RealmRemovedEvent removed) {
                // Endpoints (and, by the foreign key, their deliveries) go with their realm.
                new EndpointStore(removed.getKeycloakSession()).deleteRealm(removed.getRealm().getId());
            }
            if (event instanceof PostMigrationEvent) {
                warnOfForeignKeys(factory);
                sender.start();
                LOG.infof("txauth-webhooks: sender started (key %s, loopback %s, private %s, retries for %d s)",
                        sealer.keyId(), config.allowLoopback(), config.allowPrivate(), config.maxAge().toSeconds());
            }
        });
    }

    /**
     * Rows sealed under a key this node does not hold are not fatal (logins and payments do not depend on webhooks,
     * and another node holding that key still delivers them), but the operator must see at once that the nodes'
     * {@code secret-key-file} differ or the key was replaced.
     */
    private void warnOfForeignKeys(KeycloakSessionFactory factory) {
        long foreign = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                s -> new EndpointStore(s).sealedWithOtherKey(sealer.keyId()));
        if (foreign > 0) {
            LOG.errorf("txauth-webhooks: %d webhook endpoint(s) have secrets sealed with another key than this node's"
                    + " key %s; this node cannot sign their deliveries (%s must be the same file on every node; an"
                    + " endpoint whose key is lost must be deleted and created again)", foreign, sealer.keyId(),
                    WebhookConfig.SECRET_KEY_FILE);
        }
    }

    private byte[] loadKey() throws IOException {
        Path file = config.secretKeyFile();
        if (file == null) {
            OwnerOnly.directory(config.stateDir());
            file = config.stateDir().resolve(GENERATED_KEY_FILE);
            if (!Files.isRegularFile(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                OwnerOnly.writeNew(file, Base64.getEncoder().encodeToString(random) + "\n");
            }
            LOG.warnf("txauth-webhooks: no %s configured; endpoint secrets are sealed with this node's own key in %s "
                    + "(single node only, see docs/webhooks.md)", WebhookConfig.SECRET_KEY_FILE, file);
        }
        return Files.readString(file).strip().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (sender != null) {
            sender.stop();
        }
        if (metrics != null) {
            metrics.close();
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return WebhookConfigProperties.METADATA;
    }

    WebhookConfig config() {
        return config;
    }

    SecretSealer sealer() {
        return sealer;
    }

    WebhookSender sender() {
        return sender;
    }
}
