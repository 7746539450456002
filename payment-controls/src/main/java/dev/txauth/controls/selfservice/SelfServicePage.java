package dev.txauth.controls.selfservice;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.headers.SecurityHeadersProvider;
import org.keycloak.theme.Theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The self-service page's three files (docs/payment-controls.md "Self-service page"), served from this jar under
 * {@code /realms/{realm}/txauth/me/page}: the page itself in the user's language (messages of theme {@code txauth},
 * type account, English and French), its script and its style. Scripts, styles and calls from this origin only; never
 * framed.
 */
final class SelfServicePage {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    /** The theme whose account bundle holds the page's words, whatever account theme the realm shows. */
    static final String THEME = "txauth";
    static final String TEMPLATE = "controls.html";

    private SelfServicePage() {
    }

    /** The page in the language of {@code ui_locales}, else the one Keycloak would choose for this request. */
    static Response page(KeycloakSession session, RealmModel realm, String uiLocales) {
        Locale locale = realm.isInternationalizationEnabled()
                ? PageLocale.requested(uiLocales, realm.getSupportedLocalesStream().toList())
                        .orElseGet(() -> session.getContext().resolveLocale(null))
                : Locale.ENGLISH;
        try {
            Properties messages = session.theme().getTheme(THEME, Theme.Type.ACCOUNT)
                    .getEnhancedMessages(realm, locale);
            String html = PageText.fill(new String(read(TEMPLATE), StandardCharsets.UTF_8), messages::getProperty,
                    Map.of("lang", locale.toLanguageTag()));
            return secured(session, Response.ok(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8"))
                    .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag()).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Response serve(KeycloakSession session, String file, String mediaType) {
        try {
            return secured(session, Response.ok(read(file), mediaType)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(String file) throws IOException {
        try (InputStream in = SelfServicePage.class.getResourceAsStream("/txauth-self-service/" + file)) {
            if (in == null) {
                throw new IOException("missing /txauth-self-service/" + file + " in txauth-payment-controls.jar");
            }
            return in.readAllBytes();
        }
    }

    /**
     * This page's own security headers instead of the realm's: Keycloak's realm-wide set carries a CSP without
     * {@code script-src} and would replace this one.
     */
    private static Response.ResponseBuilder secured(KeycloakSession session, Response.ResponseBuilder response) {
        SecurityHeadersProvider realmHeaders = session.getProvider(SecurityHeadersProvider.class);
        if (realmHeaders != null) {
            realmHeaders.options().skipHeaders();
        }
        return response.header("Content-Security-Policy", CSP).header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer").header("X-Frame-Options", "DENY")
                .header("X-Robots-Tag", "none").header("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
