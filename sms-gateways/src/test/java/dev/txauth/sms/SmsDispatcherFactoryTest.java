package dev.txauth.sms;

import dev.txauth.sms.gateway.OutboxSenderFactory;
import dev.txauth.sms.gateway.TermiiSenderFactory;
import dev.txauth.sms.gateway.TwilioSenderFactory;
import org.junit.jupiter.api.Test;
import org.keycloak.provider.ProviderFactory;

import java.util.List;
import java.util.Map;

import static dev.txauth.sms.KeycloakFakes.scope;
import static dev.txauth.sms.KeycloakFakes.session;
import static dev.txauth.sms.KeycloakFakes.sessionFactory;
import static dev.txauth.sms.KeycloakFakes.vault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmsDispatcherFactoryTest {

    private static Map<String, ProviderFactory<?>> gateways(Map<String, String> termii, Map<String, String> outbox) {
        TermiiSenderFactory t = new TermiiSenderFactory();
        t.init(scope(termii));
        TwilioSenderFactory tw = new TwilioSenderFactory();
        tw.init(scope(Map.of("account-sid", "AC1", "auth-token", "x", "from", "+15005550006")));
        OutboxSenderFactory o = new OutboxSenderFactory();
        o.init(scope(outbox));
        return Map.of("termii", t, "twilio", tw, "outbox", o);
    }

    private static SmsDispatcherFactory factory(String order, Map<String, ProviderFactory<?>> gateways) {
        SmsDispatcherFactory factory = new SmsDispatcherFactory();
        factory.init(scope(Map.of("order", order)));
        factory.postInit(sessionFactory(gateways));
        return factory;
    }

    @Test
    void buildsTheChainInTheConfiguredOrder() {
        SmsDispatcherFactory factory = factory(" twilio, termii ,twilio",
                gateways(Map.of("api-key", "k", "from", "TxAuth"), Map.of()));
        SmsSender any = message -> new SmsOutcome.Sent("x", null);
        SmsDispatcher dispatcher = factory.create(session(vault(Map.of()), Map.of("termii", any, "twilio", any)));
        assertEquals(List.of("twilio", "termii"), dispatcher.providers());
        assertEquals("NG", dispatcher.phoneNumbers().defaultRegion());
        factory.close();
    }

    @Test
    void stopsTheServerWhenTheOrderNamesAnUnknownProvider() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> factory("termii,sms-magic", gateways(Map.of("api-key", "k", "from", "T"), Map.of())));
        assertTrue(e.getMessage().contains("sms-magic"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> factory("failover", gateways(Map.of(), Map.of())));
    }

    @Test
    void stopsTheServerWhenANamedGatewayLacksItsOptions() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> factory("termii", gateways(Map.of("from", "T"), Map.of())));
        assertTrue(e.getMessage().contains("--spi-txauth-sms-sender--termii--api-key"), e.getMessage());
    }

    @Test
    void refusesTheOutboxUnlessAnOptionNamesItsFile() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> factory("outbox", gateways(Map.of(), Map.of())));
        assertTrue(e.getMessage().contains("outbox--file"), e.getMessage());
        factory("outbox", gateways(Map.of(), Map.of("file", "/tmp/sms.jsonl"))).close();
    }

    @Test
    void anUnconfiguredGatewayOutsideTheOrderDoesNotStopTheServer() {
        factory("twilio", gateways(Map.of(), Map.of())).close();
    }

    @Test
    void isTheSpisDefaultProvider() {
        SmsDispatcherFactory factory = new SmsDispatcherFactory();
        assertTrue(factory.order() > new TermiiSenderFactory().order());
        assertEquals("failover", factory.getId());
        assertEquals("txauth-sms-sender", new SmsSenderSpi().getName());
    }
}
