package dev.txauth.transactions.detail;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the confirmation page shows of a payment, as plain text (the template HTML-escapes it): the amount in the
 * user's locale with the currency's own symbol ({@code ₦50,000.00}, {@code 50 000,00 ₦}), the payee with invisible
 * format characters made visible, the bank, and the account masked to its last four digits.
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
    private static final Map<String, String> HOME_SYMBOLS = new ConcurrentHashMap<>();

    private PaymentDisplay() {
    }

    public static String amount(String amount, String currencyCode, Locale locale) {
        Currency currency = Currency.getInstance(currencyCode);
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        int digits = CurrencyTable.minorUnits(currencyCode).orElse(currency.getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        if (format instanceof DecimalFormat decimal) {
            DecimalFormatSymbols symbols = decimal.getDecimalFormatSymbols();
            // Many locales only know the ISO code for foreign currencies ("NGN"); people recognise the symbol
            // of the currency's home country (₦), so take that one when the user's locale has none.
            String symbol = currency.getSymbol(locale);
            if (symbol.equals(currencyCode)) {
                symbol = homeSymbol(currency);
            }
            symbols.setCurrencySymbol(symbol);
            decimal.setDecimalFormatSymbols(symbols);
        }
        return format.format(new BigDecimal(amount));
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

    /** {@code ••••6789}: enough to recognise one's own payee, not enough to copy the account. */
    public static String maskedAccount(String identification) {
        return "\u2022\u2022\u2022\u2022" + identification.substring(identification.length() - 4);
    }

    public static String bank(PaymentDetail detail) {
        if (detail.bankCode() == null) {
            return detail.identification().substring(0, 2);
        }
        return NIGERIAN_BANKS.getOrDefault(detail.bankCode(), detail.bankCode());
    }

    private static String homeSymbol(Currency currency) {
        return HOME_SYMBOLS.computeIfAbsent(currency.getCurrencyCode(), code -> Arrays.stream(Locale.getAvailableLocales())
                .filter(l -> !l.getCountry().isEmpty())
                .filter(l -> {
                    try {
                        return currency.equals(Currency.getInstance(l));
                    } catch (IllegalArgumentException noCurrency) {
                        return false;
                    }
                })
                .map(currency::getSymbol)
                .filter(s -> !s.equals(code))
                .sorted()
                .findFirst()
                .orElse(code));
    }
}
