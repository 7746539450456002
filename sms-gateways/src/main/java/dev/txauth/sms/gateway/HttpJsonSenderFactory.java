package dev.txauth.sms.gateway;

import dev.txauth.sms.SmsSender;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/** Provider {@code http} of {@code txauth-sms-sender}; options {@code --spi-txauth-sms-sender--http--*}. */
public class HttpJsonSenderFactory extends GatewaySenderFactory {

    public static final String URL = "url";
    public static final String BODY_TEMPLATE = "body-template";
    public static final String AUTH = "auth";
    public static final String SECRET = "secret";
    public static final String MESSAGE_ID_POINTER = "message-id-pointer";
    public static final String DEFAULT_MESSAGE_ID_POINTER = "/id";

    private HttpJsonSender.Settings settings;

    @Override
    protected void readOptions(Config.Scope scope) {
        String auth = scope.get(AUTH, "bearer").trim().toUpperCase(Locale.ROOT).replace('-', '_');
        settings = new HttpJsonSender.Settings(option(scope, URL),
                scope.get(BODY_TEMPLATE, HttpJsonSender.BodyTemplate.DEFAULT),
                HttpJsonSender.Auth.valueOf(auth), scope.get(MESSAGE_ID_POINTER, DEFAULT_MESSAGE_ID_POINTER));
    }

    @Override
    public List<String> missingOptions() {
        return settings.auth() == HttpJsonSender.Auth.NONE ? unset(URL, settings.url())
                : unset(URL, settings.url(), SECRET, secret());
    }

    @Override
    protected String secretOption() {
        return SECRET;
    }

    @Override
    protected boolean needsSecret() {
        return settings.auth() != HttpJsonSender.Auth.NONE;
    }

    @Override
    protected SmsSender create(String resolvedSecret, GatewayHttp http) {
        return new HttpJsonSender(settings, resolvedSecret, http, Clock.systemUTC());
    }

    @Override
    protected void declareOptions(ProviderConfigurationBuilder builder) {
        builder.property().name(URL).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Endpoint that receives the JSON POST").add()
                .property().name(BODY_TEMPLATE).type(ProviderConfigProperty.TEXT_TYPE)
                .defaultValue(HttpJsonSender.BodyTemplate.DEFAULT)
                .helpText("JSON with {{to}}, {{to_digits}} and {{text}} inside strings; values are JSON-escaped").add()
                .property().name(AUTH).type(ProviderConfigProperty.LIST_TYPE).options("bearer", "hmac-sha256", "none")
                .defaultValue("bearer")
                .helpText("bearer: Authorization: Bearer <secret>; hmac-sha256: X-Txauth-Timestamp + X-Txauth-Signature").add()
                .property().name(SECRET).type(ProviderConfigProperty.PASSWORD).secret(true)
                .helpText("Bearer token or HMAC key, or ${vault.<key>}").add()
                .property().name(MESSAGE_ID_POINTER).type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(DEFAULT_MESSAGE_ID_POINTER)
                .helpText("JSON pointer to the message id in the answer").add();
    }

    @Override
    public String getId() {
        return HttpJsonSender.ID;
    }
}
