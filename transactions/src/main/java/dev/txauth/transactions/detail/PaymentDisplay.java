package dev.txauth.transactions.detail;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

/**
 * What the confirmation page shows of a payment, as plain text (the template HTML-escapes it): the amount in the
 * user's locale with the currency's own symbol ({@code ₦50,000.00}, {@code 50 000,00 ₦}) or, where that symbol is
 * ambiguous, its ISO code ({@code USD 50,000.00}, see {@link CurrencySymbols}); the payee with invisible format
 * characters made visible, the bank, and the account masked (see {@link #maskedAccount}).
 */
public final class PaymentDisplay {

    private static final Map<String, String> NIGERIAN_BANKS = Map.ofEntries(
            Map.entry("044", "Access Bank"), Map.entry("023", "Citibank Nigeria"), Map.entry("050", "Ecobank Nigeria"),
            Map.entry("070", "Fidelity Bank"), Map.entry("011", "First Bank of Nigeria"),
            Map.entry("214", "First City Monument Bank"), Map.entry("058", "Guaranty Trust Bank"),
            Map.entry("030", "Heritage Bank"), Map.entry("082", "Keystone Bank"), Map.entry("076", "Polaris Bank"),
            Map.entry("221", "Stanbic IBTC Bank"), Map.entry("068", "Standard Chartered Nigeria"),
            Map.entry("232", "Sterling Bank"), Map.entry("032", "Union Bank of Nigeria"),
            Map.entry("033", "United Bank for Africa"), Map.entry("215", "Unity Bank"), Map.entry("035", "Wema Bank"),
            Map.entry("057", "Zenith Bank"));

    private PaymentDisplay() {
    }

    public static String amount(String amount, String currencyCode, Locale locale) {
        Currency currency = knownToTheJdk(currencyCode);
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        int digits = CurrencyTable.minorUnits(currencyCode).orElseGet(() -> currency == null ? 2
                : currency.getDefaultFractionDigits());
        if (currency != null) {
            format.setCurrency(currency);
        }
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        if (format instanceof DecimalFormat decimal) {
            DecimalFormatSymbols symbols = decimal.getDecimalFormatSymbols();
            String symbol = currency == null ? currencyCode : CurrencySymbols.shown(currency, locale);
            if (symbol.equals(currencyCode)) {
                symbol = spacedCode(decimal.toPattern(), currencyCode);
            }
            symbols.setCurrencySymbol(symbol);
            decimal.setDecimalFormatSymbols(symbols);
        }
        return format.format(new BigDecimal(amount));
    }

    /** Codes newer than the running JDK's data (UYW on Java 17) are shown by their code rather than refused. */
    private static Currency knownToTheJdk(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** Builds the symbol tables now (see {@link CurrencySymbols}), so no confirmation page waits for them. */
    public static void prepare() {
        amount("1", "USD", Locale.ENGLISH);
    }

    /** Zero-width and bidi control characters become a visible {@code [U+200B]}, so a name cannot hide or reorder text. */
    public static String reveal(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.getType(cp) == Character.FORMAT) {
                out.append(String.format("[U+%04X]", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /**
     * {@code ••••6789} for a NUBAN: enough to recognise one's own payee, not enough to copy the account. An IBAN
     * shows its country, check digits, the first four characters of the BBAN (where every country puts its bank
     * identifier) and the last four ({@code DE89 3704 •••• 3000}): payees at different banks, or at one bank with
     * different accounts, then look different (the check digits cover the whole number), while at least four
     * characters always stay hidden.
     */
    public static String maskedAccount(PaymentDetail detail) {
        String id = detail.identification();
        String dots = "\u2022\u2022\u2022\u2022";
        if (!"IBAN".equals(detail.scheme())) {
            return dots + id.substring(id.length() - 4);
        }
        int bankPart = Math.min(4, id.length() - 12);
        return id.substring(0, 4) + ' ' + id.substring(4, 4 + bankPart) + ' ' + dots + ' '
                + id.substring(id.length() - 4);
    }

    public static String bank(PaymentDetail detail) {
        if (detail.bankCode() == null) {
            return detail.identification().substring(0, 2);
        }
        return NIGERIAN_BANKS.getOrDefault(detail.bankCode(), detail.bankCode());
    }

    /** A code needs a (no-break) space where the locale's pattern puts a symbol right against the digits: USD 5.00. */
    private static String spacedCode(String pattern, String code) {
        String positive = pattern.split(";")[0];
        int at = positive.indexOf('\u00a4');
        if (at == 0 && positive.length() > 1 && "#0".indexOf(positive.charAt(1)) >= 0) {
            return code + '\u00a0';
        }
        if (at > 0 && at == positive.length() - 1 && "#0".indexOf(positive.charAt(at - 1)) >= 0) {
            return '\u00a0' + code;
        }
        return code;
    }
}
