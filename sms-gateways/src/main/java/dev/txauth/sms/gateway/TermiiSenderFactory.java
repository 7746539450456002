package dev.txauth.sms.gateway;

import dev.txauth.sms.SmsSender;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import java.util.List;

/** Provider {@code termii} of {@code txauth-sms-sender}; options {@code --spi-txauth-sms-sender--termii--*}. */
public class TermiiSenderFactory extends GatewaySenderFactory {

    public static final String API_KEY = "api-key";
    public static final String FROM = "from";
    public static final String CHANNEL = "channel";
    public static final String DEFAULT_BASE_URL = "https://api.ng.termii.com";
    public static final String DEFAULT_CHANNEL = "dnd";

    private TermiiSender.Settings settings;

    @Override
    protected void readOptions(Config.Scope scope) {
        settings = new TermiiSender.Settings(scope.get(BASE_URL, DEFAULT_BASE_URL), option(scope, FROM),
                scope.get(CHANNEL, DEFAULT_CHANNEL));
    }

    @Override
    public List<String> missingOptions() {
        return unset(API_KEY, secret(), FROM, settings.from());
    }

    @Override
    protected String secretOption() {
        return API_KEY;
    }

    @Override
    protected SmsSender create(String secret, GatewayHttp http) {
        return new TermiiSender(settings, secret, http);
    }

    @Override
    protected void declareOptions(ProviderConfigurationBuilder builder) {
        builder.property().name(API_KEY).type(ProviderConfigProperty.PASSWORD).secret(true)
                .helpText("Termii API key, or ${vault.<key>}").add()
                .property().name(FROM).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Registered sender ID (3-11 characters)").add()
                .property().name(CHANNEL).type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_CHANNEL)
                .helpText("Termii route: dnd (transactional, reaches DND numbers) or generic").add()
                .property().name(BASE_URL).type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_BASE_URL)
                .helpText("Your account's Termii base URL").add();
    }

    @Override
    public String getId() {
        return TermiiSender.ID;
    }
}
