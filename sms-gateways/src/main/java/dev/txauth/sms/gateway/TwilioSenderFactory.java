package dev.txauth.sms.gateway;

import dev.txauth.sms.SmsSender;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import java.util.List;

/** Provider {@code twilio} of {@code txauth-sms-sender}; options {@code --spi-txauth-sms-sender--twilio--*}. */
public class TwilioSenderFactory extends GatewaySenderFactory {

    public static final String ACCOUNT_SID = "account-sid";
    public static final String AUTH_TOKEN = "auth-token";
    public static final String FROM = "from";
    public static final String MESSAGING_SERVICE_SID = "messaging-service-sid";
    public static final String DEFAULT_BASE_URL = "https://api.twilio.com";

    private TwilioSender.Settings settings;

    @Override
    protected void readOptions(Config.Scope scope) {
        settings = new TwilioSender.Settings(scope.get(BASE_URL, DEFAULT_BASE_URL), option(scope, ACCOUNT_SID),
                option(scope, FROM), option(scope, MESSAGING_SERVICE_SID));
    }

    @Override
    public List<String> missingOptions() {
        List<String> missing = new java.util.ArrayList<>(unset(ACCOUNT_SID, settings.accountSid(), AUTH_TOKEN, secret()));
        if (settings.from() == null && settings.messagingServiceSid() == null) {
            missing.add(FROM + " or " + MESSAGING_SERVICE_SID);
        }
        return missing;
    }

    @Override
    protected String secretOption() {
        return AUTH_TOKEN;
    }

    @Override
    protected SmsSender create(String secret, GatewayHttp http) {
        return new TwilioSender(settings, secret, http);
    }

    @Override
    protected void declareOptions(ProviderConfigurationBuilder builder) {
        builder.property().name(ACCOUNT_SID).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Twilio Account SID (AC...)").add()
                .property().name(AUTH_TOKEN).type(ProviderConfigProperty.PASSWORD).secret(true)
                .helpText("Twilio auth token, or ${vault.<key>}").add()
                .property().name(FROM).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Sending number (E.164) or alphanumeric sender id").add()
                .property().name(MESSAGING_SERVICE_SID).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Messaging Service SID (MG...), used instead of from when set").add()
                .property().name(BASE_URL).type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_BASE_URL)
                .helpText("Twilio REST base URL").add();
    }

    @Override
    public String getId() {
        return TwilioSender.ID;
    }
}
