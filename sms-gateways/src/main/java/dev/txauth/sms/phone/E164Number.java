package dev.txauth.sms.phone;

import java.util.regex.Pattern;

/**
 * A phone number in E.164 ({@code +2348031234567}), as stored in the user attribute {@code phone_number}
 * (docs/api.md §9). Obtain one from {@link PhoneNumbers#normalize}. {@link #toString()} is the masked log form, so a
 * number handed to a logger by mistake shows only its last 4 digits; {@link #value()} is for gateways only.
 */
public record E164Number(String value) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public E164Number {
        if (value == null || !E164.matcher(value).matches()) {
            throw new InvalidPhoneNumberException("not an E.164 number");
        }
    }

    /** The number without its {@code +}, as gateways such as Termii want it. */
    public String digits() {
        return value.substring(1);
    }

    public String last4() {
        return value.substring(value.length() - 4);
    }

    @Override
    public String toString() {
        return PhoneMask.forLog(this);
    }
}
