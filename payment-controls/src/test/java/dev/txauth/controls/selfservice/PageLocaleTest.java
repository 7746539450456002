package dev.txauth.controls.selfservice;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PageLocaleTest {

    private static final List<String> REALM = List.of("en", "fr");

    @Test
    void firstSupportedLanguageOfTheRequestWins() {
        assertEquals(Optional.of(Locale.FRENCH), PageLocale.requested("de fr-CA en", REALM));
        assertEquals(Optional.of(Locale.ENGLISH), PageLocale.requested("en-NG", REALM));
    }

    @Test
    void nothingSupportedOrNothingAskedLeavesTheChoiceToKeycloak() {
        assertEquals(Optional.empty(), PageLocale.requested(null, REALM));
        assertEquals(Optional.empty(), PageLocale.requested("", REALM));
        assertEquals(Optional.empty(), PageLocale.requested("yo ha", REALM));
        assertEquals(Optional.empty(), PageLocale.requested("<script> ../../etc", REALM));
    }
}
