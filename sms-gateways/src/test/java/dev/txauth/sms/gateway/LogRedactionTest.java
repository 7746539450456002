package dev.txauth.sms.gateway;

import dev.txauth.sms.SmsDispatcher;
import dev.txauth.sms.SmsDispatcherFactory;
import dev.txauth.sms.SmsMetrics;
import dev.txauth.sms.SmsSender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.txauth.sms.phone.PhoneNumbers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.txauth.sms.KeycloakFakes.scope;
import static dev.txauth.sms.KeycloakFakes.session;
import static dev.txauth.sms.KeycloakFakes.sessionFactory;
import static dev.txauth.sms.KeycloakFakes.vault;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every line the SMS code logs, at every level, over sends that succeed, are rejected, fail over, time out and lack a
 * credential: none may carry the phone number beyond its last 4 digits, the code, or a secret (docs/api.md §9).
 * JBoss Logging goes to java.util.logging in this module's tests (surefire sets org.jboss.logging.provider=jdk).
 */
class LogRedactionTest extends StubGateways {

    private static final List<String> FORBIDDEN = List.of("2348031234567", "8031234567", "08031234567", CODE,
            "TL-secret-key", "tw-secret-token", "vault-secret");
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger jul = Logger.getLogger("dev.txauth.sms");
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            lines.add(formatter.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureEverything() {
        jul.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        jul.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        jul.removeHandler(capture);
        jul.setLevel(null);
    }

    @Test
    void noLogLineCarriesTheNumberTheCodeOrASecret() {
        String sid = "AC9";
        SmsSender termii = new TermiiSender(new TermiiSender.Settings(primary.baseUrl(), "TxAuth", "dnd"),
                "TL-secret-key", http(300));
        SmsSender twilio = new TwilioSender(new TwilioSender.Settings(secondary.baseUrl(), sid, "+15005550006", null),
                "tw-secret-token", http(300));
        SmsDispatcher dispatcher = new SmsDispatcher(List.of(new SmsDispatcher.Route("termii", termii),
                new SmsDispatcher.Route("twilio", twilio)), new SmsMetrics(new SimpleMeterRegistry()), new PhoneNumbers("NG"));
        String twilioPath = "/2010-04-01/Accounts/" + sid + "/Messages.json";

        primary.stubFor(post(urlPathEqualTo("/api/sms/send")).willReturn(okJson("{\"message_id\":\"1\"}")));
        dispatcher.send(message());
        primary.stubFor(post(urlPathEqualTo("/api/sms/send")).willReturn(aResponse().withStatus(400)
                .withBody("{\"message\":\"number 2348031234567 is invalid, code " + CODE + "\"}")));
        dispatcher.send(message());
        primary.stubFor(post(urlPathEqualTo("/api/sms/send")).willReturn(aResponse().withStatus(503)
                .withBody("down for 2348031234567")));
        secondary.stubFor(post(urlPathEqualTo(twilioPath)).willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"S\"}")));
        dispatcher.send(message());
        primary.stubFor(post(urlPathEqualTo("/api/sms/send")).willReturn(okJson("{}").withFixedDelay(1000)));
        secondary.stubFor(post(urlPathEqualTo(twilioPath)).willReturn(aResponse().withStatus(500)));
        dispatcher.send(message());

        TwilioSenderFactory missingVault = new TwilioSenderFactory();
        missingVault.init(scope(Map.of("account-sid", sid, "auth-token", "${vault.gone}", "from", "+1500")));
        missingVault.create(session(vault(Map.of()), Map.of())).send(message());

        SmsDispatcherFactory factory = new SmsDispatcherFactory();
        factory.init(scope(Map.of("order", "twilio")));
        TwilioSenderFactory configured = new TwilioSenderFactory();
        configured.init(scope(Map.of("account-sid", sid, "auth-token", "vault-secret", "from", "+1500")));
        factory.postInit(sessionFactory(Map.of("twilio", configured)));
        factory.close();

        assertTrue(lines.size() >= 8, "the scenarios above log: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.contains("****4567")), "the masked form is what gets logged: " + lines);
        for (String line : lines) {
            for (String secret : FORBIDDEN) {
                assertFalse(line.contains(secret), "log line carries " + secret + ": " + line);
            }
        }
    }
}
