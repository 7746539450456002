package dev.txauth.sms;

import dev.txauth.sms.gateway.OutboxSenderFactory;
import dev.txauth.sms.phone.PhoneNumbers;
import io.micrometer.core.instrument.Metrics;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ProviderFactory;

import java.util.Arrays;
import java.util.List;

/**
 * Provider {@code failover} of {@code txauth-sms-sender}, the default provider of the SPI: the ordered list of gateways
 * ({@code --spi-txauth-sms-sender--failover--order=termii,africastalking}) and the default phone region. The order is
 * checked once when Keycloak starts — an unknown provider or a named gateway with unset options stops the server with
 * the option's name — and it owns the SMS metrics. Callers use {@link #dispatcher(KeycloakSession)}.
 */
public class SmsDispatcherFactory implements SmsSenderFactory {

    public static final String PROVIDER_ID = "failover";
    public static final String ORDER = "order";
    public static final String DEFAULT_REGION = "default-region";

    private static final Logger LOG = Logger.getLogger(SmsDispatcherFactory.class);

    private List<String> order;
    private PhoneNumbers phoneNumbers;
    private SmsMetrics metrics;

    /** The failover chain for this request. */
    public static SmsDispatcher dispatcher(KeycloakSession session) {
        return (SmsDispatcher) session.getProvider(SmsSender.class, PROVIDER_ID);
    }

    @Override
    public void init(Config.Scope scope) {
        String value = scope.get(ORDER, "");
        order = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        phoneNumbers = new PhoneNumbers(scope.get(DEFAULT_REGION, PhoneNumbers.DEFAULT_REGION));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        for (String id : order) {
            ProviderFactory<SmsSender> sender = factory.getProviderFactory(SmsSender.class, id);
            if (id.equals(PROVIDER_ID) || !(sender instanceof SmsSenderFactory configured)) {
                throw new IllegalStateException("txauth-sms: failover order names '" + id
                        + "', which is not an SMS gateway of " + SmsSenderSpi.NAME);
            }
            List<String> missing = configured.missingOptions();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("txauth-sms: gateway '" + id + "' is in the failover order but "
                        + "--spi-" + SmsSenderSpi.NAME + "--" + id + "--" + String.join(", ", missing) + " is not set");
            }
            if (sender instanceof OutboxSenderFactory outbox) {
                LOG.warnf("txauth-sms: DEV OUTBOX ACTIVE — SMS are written to %s, not sent", outbox.file());
            }
        }
        if (order.isEmpty()) {
            LOG.info("txauth-sms: no SMS gateway configured (--spi-txauth-sms-sender--failover--order); no SMS will be sent");
        } else {
            LOG.infof("txauth-sms: gateways in failover order %s, default phone region %s", order,
                    phoneNumbers.defaultRegion());
        }
        metrics = new SmsMetrics(Metrics.globalRegistry);
    }

    @Override
    public SmsDispatcher create(KeycloakSession session) {
        List<SmsDispatcher.Route> routes = order.stream()
                .map(id -> new SmsDispatcher.Route(id, session.getProvider(SmsSender.class, id))).toList();
        return new SmsDispatcher(routes, metrics, phoneNumbers);
    }

    /** Highest among the SPI's providers, so it is the default: {@code session.getProvider(SmsSender.class)}. */
    @Override
    public int order() {
        return 100;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(ORDER).type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
                .helpText("Gateways to try, in order, comma-separated: termii, africastalking, twilio, http, outbox").add()
                .property().name(DEFAULT_REGION).type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(PhoneNumbers.DEFAULT_REGION)
                .helpText("ISO 3166 region for phone numbers typed without a country code").add()
                .build();
    }

    @Override
    public void close() {
        if (metrics != null) {
            metrics.close();
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
