package dev.txauth.it;

import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.journey.PaymentJourney;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.WithTotp;
import dev.txauth.example.PaymentApi;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Story: the payment service's API demands step-up (RFC 9470), checks the proof, consumes it once, pays once. */
@TxauthKeycloakTest
class PaymentServiceStepUpIT {

    private final TxauthServer server;

    PaymentServiceStepUpIT(TxauthServer server) {
        this.server = server;
    }

    @Test
    void paymentApiDemandsStepUpThenExecutesOnce(@WithTotp TestUser user, AuthorizationClient app,
                                                 PaymentService paymentService, PaymentJourney journey)
            throws Exception {
        try (PaymentApi api = new PaymentApi(server.realmUrl(), TxauthServer.PAYMENT_SERVICE,
                server.paymentServiceSecret(), paymentService.token())) {
            Pkce pkce = Pkce.s256();
            TokenResponse login = app.tokens().exchangeCode(app.login(user, pkce, Map.of("acr_values", "mfa")).code(),
                    pkce);
            String id = paymentService.registerPayment(user.id(), "50000.00", "Ada Obi");

            HttpResponse<String> first = pay(app, api, id, login.accessToken());
            assertEquals(401, first.statusCode());
            String challenge = first.headers().firstValue("WWW-Authenticate").orElse("");
            assertTrue(challenge.contains("error=\"insufficient_user_authentication\"")
                    && challenge.contains("acr_values=\"transaction\""), challenge);

            // The same app and browser step up: its Keycloak session is already there.
            TokenResponse stepUp = journey.confirmationPage(app, user, id).approveAndExchange();
            assertEquals(200, stepUp.status(), stepUp.body().toString());

            String otherId = paymentService.registerPayment(user.id(), "50000.00", "Ada Obi");
            assertEquals(401, pay(app, api, otherId, stepUp.accessToken()).statusCode(),
                    "a token for one payment must not pay another");
            assertEquals(200, pay(app, api, id, stepUp.accessToken()).statusCode());
            assertEquals(409, pay(app, api, id, stepUp.accessToken()).statusCode(), "replay must not pay twice");
            assertEquals(List.of(id), api.executedPayments());
        }
    }

    private static HttpResponse<String> pay(AuthorizationClient app, PaymentApi api, String id, String token) {
        return app.send(HttpRequest.newBuilder(URI.create(api.url() + "/payments/" + id))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()));
    }
}
