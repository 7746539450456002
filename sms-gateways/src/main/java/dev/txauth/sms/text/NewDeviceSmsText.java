package dev.txauth.sms.text;

/**
 * The new-device alerts by SMS (docs/api.md §6, §8, §9). A new browser device: {@code Payments: a new device (Chrome
 * on Android) can now sign in to your account. Not you? Call your bank now.} A new phone bound to the app (§8):
 * {@code Payments: your app is now on a new phone and the old phone was signed out. Not you? Call your bank now.}
 * GSM-7 and one segment like every txauth SMS: the realm name and the device label are transliterated and shortened
 * to fit; the warning itself is never cut. No code, link or number is ever part of an alert.
 */
public final class NewDeviceSmsText {

    static final int MAX_REALM_SEPTETS = 24;
    private static final String TAIL = " can now sign in to your account. Not you? Call your bank now.";
    private static final String NEW_PHONE = "your app is now on a new phone and the old phone was signed out."
            + " Not you? Call your bank now.";

    private NewDeviceSmsText() {
    }

    public static String render(String realmName, String deviceLabel) {
        String head = prefix(realmName) + "a new device";
        String label = Gsm7.transliterate(deviceLabel == null ? "" : deviceLabel).strip();
        int room = Gsm7.SEGMENT_SEPTETS - Gsm7.septets(head) - Gsm7.septets(TAIL) - 3; // " (" + ")"
        if (label.isEmpty() || room < 4) {
            return head + TAIL;
        }
        return head + " (" + PaymentSmsText.shorten(label, room) + ")" + TAIL;
    }

    /** The alert after the app was moved to another phone (the bind page's "bind"). */
    public static String newPhone(String realmName) {
        return prefix(realmName) + NEW_PHONE;
    }

    private static String prefix(String realmName) {
        String realm = PaymentSmsText.shorten(Gsm7.transliterate(realmName == null ? "" : realmName).strip(),
                MAX_REALM_SEPTETS);
        return realm.isEmpty() ? "" : realm + ": ";
    }
}
