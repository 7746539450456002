package dev.txauth.testkit.client;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A cookie jar that behaves like a browser on {@code http://localhost}: browsers treat localhost as a secure context,
 * so they send Keycloak's {@code Secure; SameSite=None} cookies there. {@link CookieManager} would not.
 */
public final class BrowserCookies extends CookieManager {

    public BrowserCookies() {
        super(null, CookiePolicy.ACCEPT_ALL);
    }

    private final List<String> setCookieHeaders = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
        responseHeaders.forEach((name, values) -> {
            if ("set-cookie".equalsIgnoreCase(name)) {
                setCookieHeaders.addAll(values);
            }
        });
        super.put(uri, responseHeaders);
        for (HttpCookie cookie : getCookieStore().getCookies()) {
            cookie.setSecure(false);
        }
    }

    /** Every raw Set-Cookie header received, in order, so tests can check attributes (SameSite, Path...). */
    public List<String> setCookieHeaders() {
        return List.copyOf(setCookieHeaders);
    }

    /** The value of a stored cookie, or null. */
    public String value(String name) {
        return getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Removes every stored cookie except those named (e.g. keep the device cookie, drop Keycloak's session). */
    public void keepOnly(String... names) {
        List<String> keep = List.of(names);
        for (HttpCookie cookie : new ArrayList<>(getCookieStore().getCookies())) {
            if (!keep.contains(cookie.getName())) {
                getCookieStore().remove(null, cookie);
            }
        }
    }

    public void clear() {
        getCookieStore().removeAll();
    }

    public void set(URI uri, String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        getCookieStore().add(uri, cookie);
    }
}
