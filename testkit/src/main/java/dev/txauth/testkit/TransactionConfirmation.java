package dev.txauth.testkit;

import java.util.Map;

/**
 * The mobile app's side of docs/api.md §4 over real HTTP: an authorization request with {@code acr_values=transaction}
 * and {@code authorization_details}, the login steps Keycloak asks for, and the confirmation page.
 */
public final class TransactionConfirmation {

    public static final String CONFIRM_FORM = "form#txauth-confirm-form";

    private final OidcClient app;
    private final TestUser user;
    private final Pkce pkce = Pkce.s256();

    public TransactionConfirmation(OidcClient app, TestUser user) {
        this.app = app;
        this.user = user;
    }

    public Pkce pkce() {
        return pkce;
    }

    public static String reference(String transactionId) {
        return "[{\"type\":\"payment_initiation\",\"identifier\":\"" + transactionId + "\"}]";
    }

    /**
     * Opens the authorization request for {@code authorizationDetails} and answers password and, if asked, the login
     * TOTP (the current code). Returns the page the user then sees: normally the confirmation page.
     */
    public Page open(String authorizationDetails) {
        Page page = app.authorize(app.authorizationParameters(pkce, Map.of("acr_values", "transaction",
                "authorization_details", authorizationDetails)));
        if (page.form("form#kc-form-login").isPresent()) {
            page = app.submitPassword(page, user.username(), user.password());
        }
        if (page.form(OidcClient.OTP_FORM).isPresent()) {
            page = app.submitOtp(page, unspentCode(0, Totp.PERIOD_SECONDS, -Totp.PERIOD_SECONDS));
        }
        return page;
    }

    /**
     * A code the server accepts now that was not used before for this user (at login or for another transaction):
     * preferably the next time step's (the realm's look-around window is 1).
     */
    public String nextCode() {
        return unspentCode(Totp.PERIOD_SECONDS, 0, -Totp.PERIOD_SECONDS);
    }

    private String unspentCode(int... offsets) {
        return Totp.unspentCode(user.otpSecret(), offsets);
    }

    public Page confirm(Page confirmationPage, String code) {
        return app.submit(confirmationPage, CONFIRM_FORM, Map.of("otp", code));
    }

    public Page decline(Page confirmationPage) {
        return app.submit(confirmationPage, CONFIRM_FORM, Map.of("decline", "decline"));
    }

    public TokenResponse exchange(Page done) {
        return app.exchangeCode(done.code(), pkce);
    }
}
