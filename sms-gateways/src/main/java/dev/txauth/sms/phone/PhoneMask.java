package dev.txauth.sms.phone;

/**
 * The only forms in which a phone number leaves the gateway code: {@code •••• 1234} for pages
 * ("Send a code by SMS to •••• 1234", docs/api.md §9) and {@code ****1234} for logs (ASCII, grep-friendly).
 */
public final class PhoneMask {

    private PhoneMask() {
    }

    public static String forPage(E164Number number) {
        return "\u2022\u2022\u2022\u2022 " + number.last4();
    }

    public static String forLog(E164Number number) {
        return "****" + number.last4();
    }
}
