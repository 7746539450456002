package dev.txauth.transactions.detail;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every currency of the table, in every locale the txauth theme offers, must look different on the confirmation page:
 * the same amount in two currencies never renders to the same text, not even with the digits taken away.
 */
class CurrencyDistinctnessTest {

    /** The theme module's sources, beside this module (Maven runs tests in the module's directory). */
    private static final Path THEMES = Path.of("..", "themes", "src", "main", "resources", "theme", "txauth");

    static Set<Locale> themeLocales() throws IOException {
        Set<Locale> locales = new java.util.LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(THEMES)) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals("theme.properties")).toList()) {
                Properties theme = new Properties();
                try (Reader in = Files.newBufferedReader(file)) {
                    theme.load(in);
                }
                for (String tag : theme.getProperty("locales", "").split(",")) {
                    if (!tag.isBlank()) {
                        locales.add(Locale.forLanguageTag(tag.trim()));
                    }
                }
            }
        }
        return locales;
    }

    @Test
    void noTwoCurrenciesLookAlikeInAnySupportedLocale() throws IOException {
        Set<Locale> locales = themeLocales();
        assertTrue(locales.contains(Locale.ENGLISH) && locales.contains(Locale.FRENCH), "theme locales: " + locales);
        Set<String> codes = new TreeSet<>(CurrencyTable.codes());
        assertTrue(codes.size() > 150, "table: " + codes.size());
        for (Locale locale : locales) {
            Map<String, String> byRendering = new HashMap<>();
            Map<String, String> bySign = new HashMap<>();
            for (String code : codes) {
                String rendered = PaymentDisplay.amount("1000", code, locale);
                String sign = sign(rendered, code, locale);
                assertFalse(sign.isEmpty(), locale + " " + code + ": no currency sign in " + rendered);
                String before = byRendering.put(rendered, code);
                assertEquals(null, before, locale + ": " + before + " and " + code + " both render as " + rendered);
                String sameSign = bySign.put(sign, code);
                assertEquals(null, sameSign, locale + ": " + sameSign + " and " + code + " both carry " + sign);
            }
        }
    }

    /** What remains of a rendering once the number is taken out: the sign that tells the currency. */
    private static String sign(String rendered, String code, Locale locale) {
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        int digits = CurrencyTable.minorUnits(code).orElseThrow();
        number.setMinimumFractionDigits(digits);
        number.setMaximumFractionDigits(digits);
        String digitsText = number.format(1000);
        assertTrue(rendered.contains(digitsText), rendered + " lacks " + digitsText);
        return rendered.replace(digitsText, "").replaceAll("[\\s\u00a0\u202f]", "");
    }
}
