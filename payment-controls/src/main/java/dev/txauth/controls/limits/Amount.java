package dev.txauth.controls.limits;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A sum of money as a whole number of the currency's minor units (kobo for NGN): exact, never floating point
 * (docs/api.md §8). Parsed from and written as the decimal strings of the interface ({@code "20000.00"}).
 */
public record Amount(String currency, long minor) {

    /** Thirteen integer digits: ten trillion in any currency is "huge", and the minor units still fit a long. */
    public static final int MAX_INTEGER_DIGITS = 13;

    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
    private static final Pattern DECIMAL =
            Pattern.compile("(0|[1-9][0-9]{0," + (MAX_INTEGER_DIGITS - 1) + "})(\\.[0-9]+)?");

    public Amount {
        Objects.requireNonNull(currency, "currency");
        if (minor < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        digits(currency);
    }

    /**
     * Minor-unit digits of an ISO 4217 code, from {@link java.util.Currency}; codes without minor units (XAU, XDR...)
     * are refused because nobody is paid in them.
     */
    public static int digits(String currency) {
        if (currency == null || !CODE.matcher(currency).matches()) {
            throw new InvalidAmountException("is not an ISO 4217 currency code");
        }
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            if (digits < 0) {
                throw new InvalidAmountException("is not a currency payments are made in");
            }
            return digits;
        } catch (IllegalArgumentException e) {
            throw new InvalidAmountException("is not an ISO 4217 currency code");
        }
    }

    /** Parses {@code "20000.00"}: no sign, no exponent, no spaces, at most the currency's minor-unit digits. */
    public static Amount parse(String currency, String decimal) {
        int digits = digits(currency);
        if (decimal == null || !DECIMAL.matcher(decimal).matches()) {
            throw new InvalidAmountException("must be a decimal string like \"20000.00\" with at most "
                    + MAX_INTEGER_DIGITS + " digits before the point");
        }
        BigDecimal value = new BigDecimal(decimal);
        if (value.scale() > digits) {
            throw new InvalidAmountException("has more than " + digits + " decimal places for " + currency);
        }
        return new Amount(currency, value.movePointRight(digits).longValueExact());
    }

    public static Amount zero(String currency) {
        return new Amount(currency, 0);
    }

    /** The interface's form: always exactly the currency's minor-unit digits ({@code "5000.00"}, {@code "0.00"}). */
    public String toDecimal() {
        return BigDecimal.valueOf(minor, digits(currency)).toPlainString();
    }

    public Amount plus(Amount other) {
        return new Amount(currency, Math.addExact(minor, same(other).minor));
    }

    /** What is left of this limit after {@code used}; never below zero. */
    public Amount remainingAfter(Amount used) {
        return new Amount(currency, Math.max(0, minor - same(used).minor));
    }

    public boolean exceeds(Amount other) {
        return minor > same(other).minor;
    }

    public Amount min(Amount other) {
        return minor <= same(other).minor ? this : other;
    }

    private Amount same(Amount other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
        return other;
    }

    @Override
    public String toString() {
        return currency + " " + toDecimal();
    }
}
