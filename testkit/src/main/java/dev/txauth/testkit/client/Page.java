package dev.txauth.testkit.client;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a browser ends up after following Keycloak's redirects: either an HTML page Keycloak rendered, or a redirect to
 * the app's redirect URI (carrying {@code code} or {@code error}).
 */
public record Page(int status, URI uri, String body, URI appRedirect) {

    public boolean isAppRedirect() {
        return appRedirect != null;
    }

    public Document document() {
        return Jsoup.parse(body, uri.toString());
    }

    public Optional<Element> form(String cssSelector) {
        return Optional.ofNullable(document().selectFirst(cssSelector));
    }

    /** Query (or fragment) parameters of the redirect to the app. */
    public Map<String, String> appRedirectParameters() {
        if (appRedirect == null) {
            throw new IllegalStateException("Not redirected to the app; page " + uri + " status " + status + ":\n"
                    + Json.abbreviate(document().text()));
        }
        String raw = appRedirect.getRawQuery() != null ? appRedirect.getRawQuery() : appRedirect.getRawFragment();
        Map<String, String> params = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                params.put(decode(key), decode(value));
            }
        }
        return params;
    }

    /** Where the browser is and what it shows, for a failing assertion's message. */
    public String describe() {
        if (isAppRedirect()) {
            return "redirect " + appRedirect;
        }
        String text = document().text();
        return status + " " + uri + ": " + (text.length() > 600 ? text.substring(0, 600) + "..." : text);
    }

    public String code() {
        String code = appRedirectParameters().get("code");
        if (code == null) {
            throw new IllegalStateException("No code in app redirect " + appRedirect);
        }
        return code;
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
