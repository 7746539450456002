package dev.txauth.testkit;

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

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
        super.put(uri, responseHeaders);
        for (HttpCookie cookie : getCookieStore().getCookies()) {
            cookie.setSecure(false);
        }
    }

    public void clear() {
        getCookieStore().removeAll();
    }

    /** Forgets every cookie but these, e.g. keep the device cookie while starting a fresh login session. */
    public void keepOnly(java.util.Set<String> names) {
        List<HttpCookie> kept = new ArrayList<>();
        for (HttpCookie cookie : getCookieStore().getCookies()) {
            if (names.contains(cookie.getName())) {
                kept.add(cookie);
            }
        }
        List<URI> uris = List.copyOf(getCookieStore().getURIs());
        getCookieStore().removeAll();
        for (HttpCookie cookie : kept) {
            getCookieStore().add(uris.isEmpty() ? null : uris.get(0), cookie);
        }
    }

    public void set(URI uri, String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        getCookieStore().add(uri, cookie);
    }
}
