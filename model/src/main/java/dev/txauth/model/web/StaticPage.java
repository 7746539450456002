package dev.txauth.model.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.keycloak.headers.SecurityHeadersProvider;
import org.keycloak.models.KeycloakSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A browser page served from a provider jar (the dashboard, the dev demo): a fixed list of file names with their
 * media types, so no request path ever becomes a class-path lookup, and one strict set of security headers. Keycloak's
 * realm-wide headers carry a CSP without {@code script-src}; these pages replace that set with their own.
 *
 * @param owner   a class of the jar that holds the files (its class loader finds them)
 * @param root    the folder inside the jar, e.g. {@code /dashboard/}
 * @param index   the page's own file name, served at the folder URL and never cached (it may read codes from its URL)
 * @param types   every servable file name → media type
 * @param contentSecurityPolicy the page's CSP
 */
public record StaticPage(Class<?> owner, String root, String index, Map<String, String> types,
                         String contentSecurityPolicy) {

    /** Scripts and styles only from this origin, no inline code, no plugins, no framing, talks only to itself. */
    public static final String STRICT_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'; object-src 'none'";

    public static final String JS = "text/javascript; charset=utf-8";
    public static final String CSS = "text/css; charset=utf-8";
    public static final String HTML = "text/html; charset=utf-8";

    /** The index at {@code .../}; a request without the trailing slash is redirected there (relative URLs need it). */
    public Response index(KeycloakSession session, UriInfo uri) {
        if (!uri.getRequestUri().getPath().endsWith("/")) {
            return Response.status(Response.Status.MOVED_PERMANENTLY)
                    .location(uri.getRequestUriBuilder().replacePath(uri.getRequestUri().getPath() + "/").build())
                    .build();
        }
        return file(session, index);
    }

    /** One of the listed files, or 404 for any other name. */
    public Response file(KeycloakSession session, String name) {
        String type = types.get(name);
        if (type == null) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        byte[] body;
        try (InputStream in = owner.getResourceAsStream(root + name)) {
            if (in == null) {
                return Response.status(Response.Status.NOT_FOUND).build();
            }
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return secured(session, Response.ok(body, type))
                // The scripts are versioned with the jar; an HTML page may carry codes in its URL: never cache it.
                .header("Cache-Control", type.equals(HTML) ? "no-store" : "no-cache")
                .build();
    }

    /** The page's header set on any response of it (files and the JSON its scripts call). */
    public Response.ResponseBuilder secured(KeycloakSession session, Response.ResponseBuilder response) {
        SecurityHeadersProvider headers = session.getProvider(SecurityHeadersProvider.class);
        if (headers != null) {
            headers.options().skipHeaders();
        }
        return response
                .header("Content-Security-Policy", contentSecurityPolicy)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .header("X-Robots-Tag", "none")
                .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
}
