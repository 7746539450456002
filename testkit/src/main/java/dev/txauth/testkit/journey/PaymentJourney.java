package dev.txauth.testkit.journey;

import dev.txauth.testkit.browser.ChromeBrowser;
import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import org.openqa.selenium.By;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one shared way to a payment's confirmation page (docs/api.md §3–4): the payment service registers the payment,
 * the app opens the authorization request with {@code acr_values=transaction} and {@code authorization_details}
 * naming it, the user logs in (password, and the second factor if Keycloak asks), and lands on the page. Each journey
 * runs in a fresh browser unless the test hands one in.
 */
public final class PaymentJourney {

    private final TxauthServer server;
    private final PaymentService paymentService;

    public PaymentJourney(TxauthServer server, PaymentService paymentService) {
        this.server = server;
        this.paymentService = paymentService;
    }

    /** Registers the docs' example payment of {@code amount} to {@code payee} and opens its confirmation page. */
    public ConfirmationPage confirmationPage(TestUser user, String amount, String payee) {
        return confirmationPage(user, paymentService.registerPayment(user.id(), amount, payee));
    }

    /** Registers this payment detail and opens its confirmation page with extra authorization parameters. */
    public ConfirmationPage confirmationPage(TestUser user, Map<String, Object> detail, Map<String, String> extra) {
        String id = paymentService.registerPayment(user.id(), detail);
        return shown(open(server.newBrowser(), user, id, PaymentService.reference(id), extra));
    }

    /** Opens the confirmation page of an already registered transaction (fails the test if another page comes). */
    public ConfirmationPage confirmationPage(TestUser user, String transactionId) {
        return confirmationPage(server.newBrowser(), user, transactionId);
    }

    /** The same, in a browser the test holds (its device cookie, its address). */
    public ConfirmationPage confirmationPage(AuthorizationClient app, TestUser user, String transactionId) {
        return shown(open(app, user, transactionId, PaymentService.reference(transactionId), Map.of()));
    }

    /**
     * Opens a transaction request for any {@code authorization_details} and logs in, without expecting the
     * confirmation page: for the refusals (unknown id, someone else's payment, tampered details...).
     */
    public ConfirmationPage open(TestUser user, String authorizationDetails) {
        return open(server.newBrowser(), user, null, authorizationDetails, Map.of());
    }

    /** As {@link #open(TestUser, String)}, in a browser the test holds. */
    public ConfirmationPage open(AuthorizationClient app, TestUser user, String authorizationDetails) {
        return open(app, user, null, authorizationDetails, Map.of());
    }

    private static ConfirmationPage open(AuthorizationClient app, TestUser user, String transactionId,
                                         String authorizationDetails, Map<String, String> extra) {
        Pkce pkce = Pkce.s256();
        Page page = app.authorize(app.authorizationParameters(pkce,
                transactionRequest(authorizationDetails, extra)));
        if (page.form(AuthorizationClient.LOGIN_FORM).isPresent()) {
            page = app.submitPassword(page, user.username(), user.password());
        }
        return new ConfirmationPage(app, user, pkce, transactionId, app.passSecondFactor(page, user));
    }

    /** The parameters of a transaction request: {@code acr_values=transaction} and the details, plus {@code extra}. */
    public static Map<String, String> transactionRequest(String authorizationDetails, Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("acr_values", "transaction");
        params.put("authorization_details", authorizationDetails);
        params.putAll(extra);
        return params;
    }

    /**
     * The same journey in a real Chromium: opens the transaction request for a registered payment, signs in and
     * answers the authenticator-app step if asked, and waits for the confirmation form. Returns the request's PKCE
     * for the app's later code exchange.
     */
    public static Pkce confirmationPageIn(ChromeBrowser chrome, AuthorizationClient app, TestUser user,
                                          String transactionId) {
        Pkce pkce = Pkce.s256();
        chrome.open(app.authorizationUrl(pkce, transactionRequest(PaymentService.reference(transactionId),
                Map.of())));
        chrome.signInIfAsked(user);
        chrome.answerOtpIfAsked(user, By.id("txauth-confirm-form"));
        chrome.awaitClickable(By.id("txauth-confirm-form"));
        return pkce;
    }

    private static ConfirmationPage shown(ConfirmationPage page) {
        page.form();
        return page;
    }
}
