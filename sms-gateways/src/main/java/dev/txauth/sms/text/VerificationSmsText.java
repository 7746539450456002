package dev.txauth.sms.text;

/**
 * The phone-verification SMS of the required action {@code txauth-verify-phone} (docs/api.md §9):
 * {@code Payments code to verify this phone: 482913. Never share it.} GSM-7, one segment; the realm name is
 * transliterated and shortened, the code never cut.
 */
public final class VerificationSmsText {

    static final int MAX_REALM_SEPTETS = 40;

    private VerificationSmsText() {
    }

    public static String render(String realmName, String code) {
        if (code == null || !code.matches("[0-9]{4,10}")) {
            throw new IllegalArgumentException("code must be 4 to 10 digits");
        }
        String realm = PaymentSmsText.shorten(Gsm7.transliterate(realmName == null ? "" : realmName).strip(),
                MAX_REALM_SEPTETS);
        return (realm.isEmpty() ? "Code" : realm + " code") + " to verify this phone: " + code + ". Never share it.";
    }
}
