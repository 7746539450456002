package dev.txauth.sms.gateway;

import dev.txauth.sms.SmsOutcome;
import dev.txauth.sms.SmsSender;
import dev.txauth.sms.SmsSenderFactory;
import org.junit.jupiter.api.Test;
import org.keycloak.provider.ProviderConfigProperty;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.txauth.sms.KeycloakFakes.scope;
import static dev.txauth.sms.KeycloakFakes.session;
import static dev.txauth.sms.KeycloakFakes.vault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatewayFactoriesTest extends StubGateways {

    private static <F extends SmsSenderFactory> F init(F factory, Map<String, String> options) {
        factory.init(scope(options));
        return factory;
    }

    @Test
    void namesTheRequiredOptionsThatAreUnset() {
        assertEquals(List.of("api-key", "from"), init(new TermiiSenderFactory(), Map.of()).missingOptions());
        assertEquals(List.of("api-key", "username"), init(new AfricasTalkingSenderFactory(), Map.of()).missingOptions());
        assertEquals(List.of("account-sid", "auth-token", "from or messaging-service-sid"),
                init(new TwilioSenderFactory(), Map.of()).missingOptions());
        assertEquals(List.of("url", "secret"), init(new HttpJsonSenderFactory(), Map.of()).missingOptions());
        assertEquals(List.of("url"), init(new HttpJsonSenderFactory(), Map.of("auth", "none")).missingOptions());
        assertEquals(List.of("file"), init(new OutboxSenderFactory(), Map.of()).missingOptions());
        assertEquals(List.of(), init(new TermiiSenderFactory(), Map.of("api-key", "k", "from", "TxAuth")).missingOptions());
    }

    @Test
    void declaresEveryOptionItReadsAndMarksSecrets() {
        assertOptions(new TermiiSenderFactory(), Set.of("api-key", "from", "channel", "base-url", "timeout-ms",
                "connect-timeout-ms"), Set.of("api-key"));
        assertOptions(new AfricasTalkingSenderFactory(), Set.of("api-key", "username", "from", "base-url", "timeout-ms",
                "connect-timeout-ms"), Set.of("api-key"));
        assertOptions(new TwilioSenderFactory(), Set.of("account-sid", "auth-token", "from", "messaging-service-sid",
                "base-url", "timeout-ms", "connect-timeout-ms"), Set.of("auth-token"));
        assertOptions(new HttpJsonSenderFactory(), Set.of("url", "body-template", "auth", "secret", "message-id-pointer",
                "timeout-ms", "connect-timeout-ms"), Set.of("secret"));
        assertOptions(new OutboxSenderFactory(), Set.of("file"), Set.of());
    }

    private static void assertOptions(SmsSenderFactory factory, Set<String> names, Set<String> secrets) {
        List<ProviderConfigProperty> metadata = factory.getConfigMetadata();
        assertEquals(names, metadata.stream().map(ProviderConfigProperty::getName).collect(Collectors.toSet()));
        assertEquals(secrets, metadata.stream().filter(ProviderConfigProperty::isSecret)
                .map(ProviderConfigProperty::getName).collect(Collectors.toSet()));
    }

    @Test
    void resolvesTheApiKeyThroughTheVaultAtEachCreate() {
        primary.stubFor(post(urlPathEqualTo("/api/sms/send"))
                .withRequestBody(equalToJson("{\"api_key\":\"from-the-vault\"}", true, true))
                .willReturn(okJson("{\"message_id\":\"v1\"}")));
        TermiiSenderFactory factory = init(new TermiiSenderFactory(), Map.of("api-key", "${vault.termii_api_key}",
                "from", "TxAuth", "base-url", primary.baseUrl()));
        SmsSender sender = factory.create(session(vault(Map.of("termii_api_key", "from-the-vault")), Map.of()));
        assertEquals(new SmsOutcome.Sent("termii", "v1"), sender.send(message()));
    }

    @Test
    void aVaultEntryThatIsMissingFailsTheGatewaySoTheNextIsTried() {
        TwilioSenderFactory factory = init(new TwilioSenderFactory(), Map.of("account-sid", "AC1",
                "auth-token", "${vault.nope}", "from", "+15005550006", "base-url", primary.baseUrl()));
        SmsSender sender = factory.create(session(vault(Map.of()), Map.of()));
        assertEquals(SmsOutcome.Failed.of("twilio", SmsOutcome.Reason.ERROR, "credential-unavailable"),
                sender.send(message()));
        assertTrue(primary.getAllServeEvents().isEmpty(), "nothing sent without a credential");
    }

    @Test
    void plainOptionValuesAreUsedAsGiven() {
        primary.stubFor(post(urlPathEqualTo("/sms")).willReturn(okJson("{\"id\":\"h1\"}")));
        HttpJsonSenderFactory factory = init(new HttpJsonSenderFactory(), Map.of("url", primary.baseUrl() + "/sms",
                "secret", "plain-token", "timeout-ms", "1500"));
        assertEquals(new SmsOutcome.Sent("http", "h1"), factory.create(session(vault(Map.of()), Map.of())).send(message()));
        assertEquals("Bearer plain-token", onlyRequest(primary).getHeader("Authorization"));
    }
}
