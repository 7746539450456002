package dev.txauth.testkit.journey;

import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.Totp;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Where the app's browser stands after {@link PaymentJourney} opened a transaction request: normally txauth's
 * confirmation page (docs/api.md §4), with what the user can do there — read the payment, answer with a TOTP code or
 * the passkey, decline — and the app's code exchange after it. A refusal page or an error redirect instead is
 * {@link #page()} with {@link #isShown()} false.
 */
public final class ConfirmationPage {

    public static final String FORM = "form#txauth-confirm-form";

    private final AuthorizationClient app;
    private final TestUser user;
    private final Pkce pkce;
    private final String transactionId;
    private final Page page;

    ConfirmationPage(AuthorizationClient app, TestUser user, Pkce pkce, String transactionId, Page page) {
        this.app = app;
        this.user = user;
        this.pkce = pkce;
        this.transactionId = transactionId;
        this.page = page;
    }

    /** The same journey standing on {@code next} (the page re-rendered after a wrong code, say). */
    public ConfirmationPage on(Page next) {
        return new ConfirmationPage(app, user, pkce, transactionId, next);
    }

    public Page page() {
        return page;
    }

    public AuthorizationClient app() {
        return app;
    }

    public TestUser user() {
        return user;
    }

    public Pkce pkce() {
        return pkce;
    }

    /** The registered transaction's id, or null when the request named none the journey registered. */
    public String transactionId() {
        return transactionId;
    }

    public boolean isShown() {
        return page.form(FORM).isPresent();
    }

    /** The confirmation form; fails the test with what the browser sees instead. */
    public Element form() {
        return page.form(FORM).orElseThrow(() -> new AssertionError("No confirmation page: " + page.describe()));
    }

    public String amount() {
        return shown("#txauth-amount");
    }

    public String payee() {
        return shown("#txauth-payee");
    }

    public String bank() {
        return shown("#txauth-bank");
    }

    public String account() {
        return shown("#txauth-account");
    }

    public String remittance() {
        return shown("#txauth-remittance");
    }

    private String shown(String selector) {
        form();
        return page.document().select(selector).text();
    }

    /**
     * A code the server accepts now that was not used before for this user (at login or for another transaction):
     * preferably the next time step's (the realm's look-around window is 1).
     */
    public String nextCode() {
        return Totp.unspentCode(user.otpSecret(), Totp.PERIOD_SECONDS, 0, -Totp.PERIOD_SECONDS);
    }

    public Page submitTotp(String code) {
        return app.submit(page, FORM, Map.of("otp", code));
    }

    /** Approves with the user's authenticator app. */
    public Page approve() {
        return submitTotp(nextCode());
    }

    /** docs/api.md §9: "Send a code by SMS" (the page then asks for that code). */
    public Page sendSms() {
        return app.submit(page, FORM, Map.of("send_sms", "send_sms"));
    }

    public Page sendEmail() {
        return app.submit(page, FORM, Map.of("send_email", "send_email"));
    }

    /** The code from the SMS or email; the page's hidden {@code factor} says which, as a browser would post it. */
    public Page submitCode(String code) {
        return app.submit(page, FORM, Map.of("otp", code));
    }

    /** The page's hidden {@code factor} ({@code sms} | {@code email}) once a code was sent, else empty. */
    public String codeFactor() {
        return form().select("input[name=factor]").val();
    }

    public Page decline() {
        return app.submit(page, FORM, Map.of("decline", "decline"));
    }

    /** The assertion the user's passkey gives for this page's own challenge, as a browser on Keycloak's origin. */
    public Map<String, String> passkeyAssertion() {
        if (!user.hasPasskey()) {
            throw new IllegalStateException(user.username() + " has no passkey");
        }
        Element form = form();
        return user.passkey().assertion(Base64.getUrlDecoder().decode(form.attr("data-challenge")), app.origin(),
                form.attr("data-rp-id"), user.id());
    }

    public Page submitPasskey(Map<String, String> assertion) {
        return app.submit(page, FORM, assertion);
    }

    /**
     * Approves every page with its passkey at the same instant (one thread each, released together): the race a
     * limit or a single-use rule must win. Returns the answers in the order of {@code pages}.
     */
    public static List<Page> approveAllAtOnceWithPasskeys(List<ConfirmationPage> pages)
            throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(pages.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Page>> results = new ArrayList<>();
            for (ConfirmationPage page : pages) {
                Map<String, String> assertion = page.passkeyAssertion();
                results.add(pool.submit(() -> {
                    start.await();
                    return page.submitPasskey(assertion);
                }));
            }
            start.countDown();
            List<Page> done = new ArrayList<>();
            for (Future<Page> result : results) {
                done.add(result.get());
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    public Page approveWithPasskey() {
        return submitPasskey(passkeyAssertion());
    }

    /** The app's code exchange after the browser came back with {@code done}. */
    public TokenResponse exchange(Page done) {
        return app.tokens().exchangeCode(done.code(), pkce);
    }

    /** Approve with TOTP, then exchange the code: the tokens the app receives. */
    public TokenResponse approveAndExchange() {
        return exchange(approve());
    }
}

