package dev.txauth.devices;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.utils.SecureContextResolver;

import java.util.Map;
import java.util.Optional;

/**
 * The {@code TXAUTH_DEVICE} cookie. Keycloak's CookieProvider only handles its own cookie types, so the cookie is set
 * on the response directly, with the attributes Keycloak uses for its own: HttpOnly, SameSite=Lax (it must ride along
 * on the top-level navigation that starts a login), Secure whenever the request is a secure context, and a path limited
 * to the realm.
 */
public final class DeviceCookie {

    public static final String NAME = "TXAUTH_DEVICE";
    /** About a year: long enough that a phone stays known, short of the 400-day cap browsers apply. */
    static final int MAX_AGE_SECONDS = 365 * 24 * 3600;

    private DeviceCookie() {
    }

    /** The hash of a well-formed cookie sent with this request; empty for none, forged or truncated values. */
    public static Optional<String> presentedHash(KeycloakSession session) {
        Map<String, Cookie> cookies = session.getContext().getRequestHeaders().getCookies();
        Cookie cookie = cookies == null ? null : cookies.get(NAME);
        if (cookie == null || !DeviceToken.isWellFormed(cookie.getValue())) {
            return Optional.empty();
        }
        return Optional.of(DeviceToken.hash(cookie.getValue()));
    }

    /** Gives this browser a fresh device identity and returns its hash. */
    public static String issue(KeycloakSession session, RealmModel realm) {
        String token = DeviceToken.generate();
        String path = session.getContext().getUri().getBaseUri().getPath();
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        NewCookie cookie = new NewCookie.Builder(NAME)
                .value(token)
                .path(path + "realms/" + realm.getName() + "/")
                .maxAge(MAX_AGE_SECONDS)
                .secure(SecureContextResolver.isSecureContext(session))
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
        session.getContext().getHttpResponse().setCookieIfAbsent(cookie);
        return DeviceToken.hash(token);
    }
}
