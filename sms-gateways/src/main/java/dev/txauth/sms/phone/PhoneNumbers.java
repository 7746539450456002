package dev.txauth.sms.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.Locale;
import java.util.Set;

/**
 * Turns what a user typed ({@code 0803 123 4567}, {@code +234 803 123 4567}, {@code 2348031234567}) into E.164 with
 * Google's libphonenumber and its numbering-plan metadata — not hand-written rules, which go stale as regulators
 * open ranges. Numbers without a country code are read in the configured default region ({@code NG}).
 * Only numbers that can receive SMS pass: valid, and mobile (or a plan that does not tell mobile from fixed).
 */
public final class PhoneNumbers {

    public static final String DEFAULT_REGION = "NG";
    private static final int MAX_INPUT = 40;
    private static final Set<PhoneNumberType> SMS_CAPABLE =
            Set.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE);

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    public PhoneNumbers(String defaultRegion) {
        String region = defaultRegion == null || defaultRegion.isBlank() ? DEFAULT_REGION
                : defaultRegion.trim().toUpperCase(Locale.ROOT);
        if (!util.getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("unknown phone region " + region);
        }
        this.defaultRegion = region;
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    /** @throws InvalidPhoneNumberException with a reason that never repeats the input */
    public E164Number normalize(String input) {
        if (input == null || input.isBlank() || input.length() > MAX_INPUT) {
            throw new InvalidPhoneNumberException("phone number missing or too long");
        }
        PhoneNumber parsed;
        try {
            parsed = util.parse(input.trim(), defaultRegion);
        } catch (NumberParseException e) {
            throw new InvalidPhoneNumberException("not a phone number (" + e.getErrorType() + ")");
        }
        if (parsed.hasExtension() || !util.isValidNumber(parsed)) {
            throw new InvalidPhoneNumberException("not a valid phone number");
        }
        if (!SMS_CAPABLE.contains(util.getNumberType(parsed))) {
            throw new InvalidPhoneNumberException("not a mobile number");
        }
        return new E164Number(util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
    }
}
