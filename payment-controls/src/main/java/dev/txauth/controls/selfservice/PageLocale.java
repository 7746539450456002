package dev.txauth.controls.selfservice;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The language a caller asked the self-service page for with {@code ui_locales} (OIDC Core §3.1.2.1: space-separated
 * BCP 47 tags, in order of preference), as the login pages take it: the first tag whose language the realm supports.
 * Without one, the page falls back to Keycloak's own choice (locale cookie — which a sign-in sets from the user's
 * {@code locale} attribute —, then Accept-Language, then the realm's default).
 */
final class PageLocale {

    private PageLocale() {
    }

    static Optional<Locale> requested(String uiLocales, List<String> supported) {
        if (uiLocales == null) {
            return Optional.empty();
        }
        for (String tag : uiLocales.trim().split("\\s+")) {
            String language = Locale.forLanguageTag(tag).getLanguage();
            if (language.isEmpty()) {
                continue;
            }
            Optional<Locale> match = supported.stream().map(Locale::forLanguageTag)
                    .filter(l -> l.getLanguage().equals(language)).findFirst();
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }
}
