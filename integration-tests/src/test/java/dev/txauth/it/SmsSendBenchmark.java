package dev.txauth.it;

import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.journey.ConfirmationPage;
import dev.txauth.testkit.journey.PaymentJourney;
import dev.txauth.testkit.server.SmsGatewayStub;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.SoftwarePasskey;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server time from "Send a code by SMS" to the gateway's request (docs/sms.md, BENCHMARKS.md): the
 * {@code send_sms} POST of the confirmation page is timed from just before the client sends it to the instant the
 * {@link SmsGatewayStub} on loopback receives the gateway request — caps (advisory locks + three indexed counts),
 * the code, the GSM-7 text, the failover chain and the {@code http} provider's request. Both clocks are the test
 * JVM's {@code System.nanoTime()}. Not an *IT; run it with
 * {@code ./mvnw -B verify -pl integration-tests -am -Pbenchmark -Dit.test=SmsSendBenchmark -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@TxauthKeycloakTest
class SmsSendBenchmark {

    private static final int WARM_UP = 5;
    private static final int MEASURED = 40;
    private static final String PHONE = "+2348031129001";
    private static final String SETTINGS = "/admin/realms/payments/txauth-settings";

    private final TxauthServer server;
    private final PaymentService payments;
    private final PaymentJourney journey;
    private final SmsGatewayStub gateway;

    SmsSendBenchmark(TxauthServer server, PaymentService payments, PaymentJourney journey) {
        this.server = server;
        this.payments = payments;
        this.journey = journey;
        this.gateway = server.smsGateway();
    }

    @Test
    void measureSendSmsToGatewayRequest() throws Exception {
        // a passkey answers every step-up at once (a TOTP code can be spent only once per 30 s step)
        TestUser user = TestUsers.user(server, "bench-sms").passkey(SoftwarePasskey.withoutSignCounter())
                .phone(PHONE, true).create();
        // one user, one number: the hourly and daily caps would stop the run after 5 and 10 sends
        assertEquals(200, server.admin().put(SETTINGS, Map.of("sms", Map.of("per_user_per_hour", 100,
                "per_destination_per_day", 100))).status());
        List<Double> toGateway = new ArrayList<>();
        List<Double> toPage = new ArrayList<>();
        try {
            for (int i = 0; i < WARM_UP + MEASURED; i++) {
                ConfirmationPage page = journey.confirmationPage(user, payments.registerPayment(user.id(), "10.00",
                        "Ada Obi"));
                long start = System.nanoTime();
                page.sendSms();
                long answered = System.nanoTime();
                SmsGatewayStub.Request sms = gateway.awaitCode(PHONE, i + 1);
                if (i >= WARM_UP) {
                    toGateway.add((sms.receivedNanos() - start) / 1e6);
                    toPage.add((answered - start) / 1e6);
                }
            }
        } finally {
            assertEquals(200, server.admin().put(SETTINGS, Map.of("sms", Map.of("per_user_per_hour", 5,
                    "per_destination_per_day", 10))).status());
        }
        String report = String.format(Locale.ROOT, "send_sms POST -> gateway request: n=%d median=%.1f ms p90=%.1f"
                        + " min=%.1f max=%.1f%nsend_sms POST -> page answered:   n=%d median=%.1f ms p90=%.1f"
                        + " min=%.1f max=%.1f%n", toGateway.size(), percentile(toGateway, 50),
                percentile(toGateway, 90), percentile(toGateway, 0), percentile(toGateway, 100), toPage.size(),
                percentile(toPage, 50), percentile(toPage, 90), percentile(toPage, 0), percentile(toPage, 100));
        System.out.print(report);
        Path out = Path.of("target/benchmarks/sms-send.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertTrue(toGateway.size() >= 30, "at least 30 measured sends");
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
