package dev.txauth.sms.text;

/**
 * The sign-in code SMS of a risky login's step-up ({@code txauth-sms-login-code}, docs/api.md §6, §9):
 * {@code Your Payments sign-in code is 482913. Never share it.} It names no amount and no payee on purpose, so it can
 * never be mistaken for (or passed off as) a payment approval. GSM-7, one segment; the realm name is transliterated
 * and shortened, the code never cut.
 */
public final class LoginSmsText {

    static final int MAX_REALM_SEPTETS = 40;

    private LoginSmsText() {
    }

    public static String render(String realmName, String code) {
        if (code == null || !code.matches("[0-9]{4,10}")) {
            throw new IllegalArgumentException("code must be 4 to 10 digits");
        }
        String realm = PaymentSmsText.shorten(Gsm7.transliterate(realmName == null ? "" : realmName).strip(),
                MAX_REALM_SEPTETS);
        return "Your " + (realm.isEmpty() ? "" : realm + " ") + "sign-in code is " + code + ". Never share it.";
    }
}
