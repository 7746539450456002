package dev.txauth.sms.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SMS that carries a confirmation code and names what it confirms (docs/api.md §9, PSD2 RTS Art. 5 dynamic
 * linking): {@code Pay NGN 50,000.00 to Ada Obi (GTBank ****6789). Code 482913. Never share it.}
 * Always GSM-7 and one 160-septet segment: the payee name is transliterated and, when too long, shortened to what is
 * left (marked with a trailing dot); the bank name is capped first; amount, account's last 4 digits and code are
 * never cut. Amounts are written with the ISO 4217 code and a locale-free {@code 1,234.56} grouping so the same
 * payment always reads the same.
 *
 * @param bankName may be null or blank
 * @param accountLast4 the last 4 characters of the payee's account
 */
public record PaymentSmsText(BigDecimal amount, String currency, String payeeName, String bankName,
                             String accountLast4, String code) {

    static final int MAX_BANK_SEPTETS = 20;
    static final int MIN_NAME_SEPTETS = 8;
    private static final Pattern CODE = Pattern.compile("[0-9]{4,10}");
    private static final Pattern LAST4 = Pattern.compile("[0-9A-Za-z]{4}");
    private static final Pattern ISO = Pattern.compile("[A-Z]{3}");

    public PaymentSmsText {
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
        if (currency == null || !ISO.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code");
        }
        Currency.getInstance(currency); // unknown code → IllegalArgumentException
        if (accountLast4 == null || !LAST4.matcher(accountLast4).matches()) {
            throw new IllegalArgumentException("accountLast4 must be 4 letters or digits");
        }
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("code must be 4 to 10 digits");
        }
        payeeName = payeeName == null ? "" : payeeName;
        bankName = bankName == null ? "" : bankName;
    }

    /** @throws IllegalArgumentException when even the shortest form exceeds one segment (an absurdly long amount) */
    public String render() {
        String amountText = currency + " " + formatAmount(amount, currency);
        String name = Gsm7.transliterate(payeeName);
        String bank = shorten(Gsm7.transliterate(bankName), MAX_BANK_SEPTETS);
        String text = fit(amountText, name, bank);
        if (text == null && !bank.isEmpty()) {
            text = fit(amountText, name, "");
        }
        if (text == null) {
            throw new IllegalArgumentException("amount too long for one SMS segment");
        }
        return text;
    }

    @Override
    public String toString() {
        return "PaymentSmsText[" + currency + ", code hidden]";
    }

    private String fit(String amountText, String name, String bank) {
        String account = (bank.isEmpty() ? "" : bank + " ") + "****" + accountLast4;
        String tail = ". Code " + code + ". Never share it.";
        if (name.isEmpty()) {
            String text = "Pay " + amountText + " to " + account + tail;
            return Gsm7.septets(text) <= Gsm7.SEGMENT_SEPTETS ? text : null;
        }
        String head = "Pay " + amountText + " to ";
        String rest = " (" + account + ")" + tail;
        int room = Gsm7.SEGMENT_SEPTETS - Gsm7.septets(head) - Gsm7.septets(rest);
        if (room < Math.min(MIN_NAME_SEPTETS, Gsm7.septets(name))) {
            return null;
        }
        return head + shorten(name, room) + rest;
    }

    /** Cuts to at most {@code maxSeptets}, on a septet count (extension characters weigh 2), ending in a dot. */
    static String shorten(String text, int maxSeptets) {
        if (Gsm7.septets(text) <= maxSeptets) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int cost = Gsm7.isExtension(cp) ? 2 : 1;
            if (used + cost > maxSeptets - 1) {
                break;
            }
            out.appendCodePoint(cp);
            used += cost;
            i += Character.charCount(cp);
        }
        return out.toString().stripTrailing() + ".";
    }

    static String formatAmount(BigDecimal amount, String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        BigDecimal plain = amount.stripTrailingZeros();
        if (digits < 0) { // XAU, XDR, ...: no minor unit defined, keep what was given
            digits = Math.max(0, plain.scale());
        }
        if (plain.scale() > digits) {
            throw new IllegalArgumentException("amount has more decimals than " + currency + " allows");
        }
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format.format(plain.setScale(digits, RoundingMode.UNNECESSARY));
    }
}
