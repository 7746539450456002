package dev.txauth.it;

import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.journey.ConfirmationPage;
import dev.txauth.testkit.journey.PaymentJourney;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.SoftwarePasskey;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the payment controls add to the server's time (docs/payment-controls.md "Cost"): the registration POST timed
 * from the client, and the server's own timer of the limit check ({@code txauth_limits_check_seconds}, median) at
 * registration and at approval — the time a registration or approval would take less without the controls, since
 * nothing else differs. Not an *IT; run it with
 * {@code ./mvnw -B verify -pl integration-tests -am -Pbenchmark -Dit.test=LimitsOverheadBenchmark -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@TxauthKeycloakTest
class LimitsOverheadBenchmark {

    private static final int REGISTRATIONS = 200;
    private static final int APPROVALS = 40;

    private final TxauthServer server;

    LimitsOverheadBenchmark(TxauthServer server) {
        this.server = server;
    }

    @Test
    void measureLimitCheckOverhead() throws Exception {
        TestUser user = TestUsers.user(server, "bench-limits").passkey(SoftwarePasskey.withoutSignCounter()).create();
        PaymentService payments = new PaymentService(server);
        PaymentJourney journey = new PaymentJourney(server, payments);
        List<Long> registerNanos = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < REGISTRATIONS; i++) {
            long started = System.nanoTime();
            ids.add(payments.registerPayment(user.id(), "10.00", "Ada"));
            registerNanos.add(System.nanoTime() - started);
        }
        for (int i = 0; i < APPROVALS; i++) {
            ConfirmationPage page = journey.confirmationPage(user, ids.get(i));
            assertTrue(page.approveWithPasskey().isAppRedirect());
        }
        String metrics = new AuthorizationClient(server.realmUrl()).send(HttpRequest.newBuilder(
                URI.create(server.managementUrl() + "/metrics"))).body();
        String report = String.format("limit check (server timer, median): register %.3f ms, approval %.3f ms; "
                        + "registration POST (client, median of %d): %.2f ms",
                quantile(metrics, "register") * 1000, quantile(metrics, "approval") * 1000, REGISTRATIONS,
                median(registerNanos) / 1e6);
        System.out.println(report);
        Files.writeString(Path.of("target", "limits-overhead.txt"), report + "\n");
    }

    private static double quantile(String metrics, String stage) {
        return metrics.lines().filter(l -> l.startsWith("txauth_limits_check_seconds{")
                        && l.contains("stage=\"" + stage + "\"") && l.contains("quantile=\"0.5\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no median of stage " + stage + " in /metrics"));
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
