package dev.txauth.sms.text;

/**
 * The new-device alert by SMS (docs/api.md §6, §9): {@code Payments: a new device (Chrome on Android) can now sign
 * in to your account. Not you? Call your bank now.} GSM-7 and one segment like every txauth SMS: the realm name and
 * the device label are transliterated and shortened to fit; the warning itself is never cut.
 */
public final class NewDeviceSmsText {

    static final int MAX_REALM_SEPTETS = 24;
    private static final String TAIL = " can now sign in to your account. Not you? Call your bank now.";

    private NewDeviceSmsText() {
    }

    public static String render(String realmName, String deviceLabel) {
        String realm = PaymentSmsText.shorten(Gsm7.transliterate(realmName == null ? "" : realmName).strip(),
                MAX_REALM_SEPTETS);
        String head = (realm.isEmpty() ? "" : realm + ": ") + "a new device";
        String label = Gsm7.transliterate(deviceLabel == null ? "" : deviceLabel).strip();
        int room = Gsm7.SEGMENT_SEPTETS - Gsm7.septets(head) - Gsm7.septets(TAIL) - 3; // " (" + ")"
        if (label.isEmpty() || room < 4) {
            return head + TAIL;
        }
        return head + " (" + PaymentSmsText.shorten(label, room) + ")" + TAIL;
    }
}
