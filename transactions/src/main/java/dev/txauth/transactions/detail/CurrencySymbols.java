package dev.txauth.transactions.detail;

import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which sign the confirmation page puts on an amount: the currency's symbol when that symbol names this currency
 * and no other, otherwise its ISO 4217 code. In English {@code $} is the symbol of the US, Singapore, Cayman,
 * Argentine, Colombian, Chilean, Liberian and Bahamian dollar and peso alike, so a payment service could ask for
 * "50,000 KYD" and the user would approve "$50,000.00". The rule is computed from the JDK's own locale data, never
 * hand-listed: a symbol is ambiguous for a locale if two ISO 4217 currencies render to it there, or if any country
 * writes another currency with it (the {@code $} that a Chilean reads as pesos).
 */
final class CurrencySymbols {

    /** Per currency: the symbol its own countries write (₦ for NGN), the first in sort order; absent if none. */
    private static final Map<String, String> HOME;
    /** Per symbol: every currency some country writes with it. */
    private static final Map<String, Set<String>> HOME_USERS;
    private static final Map<Locale, Map<String, Set<String>>> BY_LOCALE = new ConcurrentHashMap<>();

    static {
        Map<String, Set<String>> homeSymbols = new HashMap<>();
        for (Locale locale : Locale.getAvailableLocales()) {
            Currency local = localCurrency(locale);
            if (local != null) {
                String symbol = local.getSymbol(locale);
                if (!symbol.equals(local.getCurrencyCode()) && visible(symbol)) {
                    homeSymbols.computeIfAbsent(local.getCurrencyCode(), c -> new TreeSet<>()).add(symbol);
                }
            }
        }
        Map<String, String> home = new HashMap<>();
        Map<String, Set<String>> users = new HashMap<>();
        homeSymbols.forEach((code, symbols) -> {
            home.put(code, ((TreeSet<String>) symbols).first());
            symbols.forEach(s -> users.computeIfAbsent(looks(s), x -> new HashSet<>()).add(code));
        });
        HOME = Map.copyOf(home);
        HOME_USERS = Map.copyOf(users);
    }

    private CurrencySymbols() {
    }

    /** The symbol to show for {@code currency} in {@code locale}, or its ISO code where the symbol is ambiguous. */
    static String shown(Currency currency, Locale locale) {
        String code = currency.getCurrencyCode();
        String symbol = symbol(currency, locale);
        if (symbol.equals(code) || !visible(symbol)) {
            return code;
        }
        boolean sharedHere = BY_LOCALE.computeIfAbsent(locale, CurrencySymbols::index)
                .getOrDefault(looks(symbol), Set.of()).size() > 1;
        boolean sharedAbroad = !Set.of(code).containsAll(HOME_USERS.getOrDefault(looks(symbol), Set.of()));
        return sharedHere || sharedAbroad ? code : symbol;
    }

    /**
     * The locale's own symbol; many locales only know the ISO code for foreign currencies ("NGN"), and people
     * recognise the symbol of the currency's home country (₦), so that one when the locale has none.
     */
    private static String symbol(Currency currency, Locale locale) {
        String symbol = currency.getSymbol(locale);
        String code = currency.getCurrencyCode();
        return symbol.equals(code) ? HOME.getOrDefault(code, code) : symbol;
    }

    /** Per symbol, the ISO 4217 currencies (all the JDK knows, not only the table's) rendering to it in this locale. */
    private static Map<String, Set<String>> index(Locale locale) {
        Map<String, Set<String>> index = new TreeMap<>();
        for (Currency currency : Currency.getAvailableCurrencies()) {
            index.computeIfAbsent(looks(symbol(currency, locale)), s -> new HashSet<>())
                    .add(currency.getCurrencyCode());
        }
        return Map.copyOf(index);
    }

    /** What a reader sees of a symbol: "FCFA" (XAF) and "F CFA" (XOF) look the same, so they count as one. */
    private static String looks(String symbol) {
        StringBuilder seen = new StringBuilder();
        symbol.codePoints().filter(CurrencySymbols::isInk).forEach(seen::appendCodePoint);
        return seen.toString();
    }

    private static boolean isInk(int cp) {
        return !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && Character.getType(cp) != Character.FORMAT;
    }

    /** Cape Verde's own symbol is a zero-width space: no sign at all on a page, so never a home symbol. */
    private static boolean visible(String symbol) {
        return symbol.codePoints().anyMatch(CurrencySymbols::isInk);
    }

    private static Currency localCurrency(Locale locale) {
        if (locale.getCountry().isEmpty()) {
            return null;
        }
        try {
            return Currency.getInstance(locale);
        } catch (IllegalArgumentException noCurrency) {
            return null;
        }
    }
}
