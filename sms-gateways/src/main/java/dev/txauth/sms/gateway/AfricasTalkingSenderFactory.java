package dev.txauth.sms.gateway;

import dev.txauth.sms.SmsSender;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import java.util.List;

/** Provider {@code africastalking} of {@code txauth-sms-sender}; options {@code --spi-txauth-sms-sender--africastalking--*}. */
public class AfricasTalkingSenderFactory extends GatewaySenderFactory {

    public static final String API_KEY = "api-key";
    public static final String USERNAME = "username";
    public static final String FROM = "from";
    public static final String DEFAULT_BASE_URL = "https://api.africastalking.com";

    private AfricasTalkingSender.Settings settings;

    @Override
    protected void readOptions(Config.Scope scope) {
        settings = new AfricasTalkingSender.Settings(scope.get(BASE_URL, DEFAULT_BASE_URL), option(scope, USERNAME),
                option(scope, FROM));
    }

    @Override
    public List<String> missingOptions() {
        return unset(API_KEY, secret(), USERNAME, settings.username());
    }

    @Override
    protected String secretOption() {
        return API_KEY;
    }

    @Override
    protected SmsSender create(String secret, GatewayHttp http) {
        return new AfricasTalkingSender(settings, secret, http);
    }

    @Override
    protected void declareOptions(ProviderConfigurationBuilder builder) {
        builder.property().name(API_KEY).type(ProviderConfigProperty.PASSWORD).secret(true)
                .helpText("Africa's Talking API key, or ${vault.<key>}").add()
                .property().name(USERNAME).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Africa's Talking application username (sandbox for the sandbox)").add()
                .property().name(FROM).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Registered short code or alphanumeric sender id; unset = account default").add()
                .property().name(BASE_URL).type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_BASE_URL)
                .helpText("https://api.sandbox.africastalking.com for the sandbox").add();
    }

    @Override
    public String getId() {
        return AfricasTalkingSender.ID;
    }
}
