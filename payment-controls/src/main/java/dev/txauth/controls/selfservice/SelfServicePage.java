package dev.txauth.controls.selfservice;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The self-service page's three static files (docs/payment-controls.md "Self-service page"), served from this jar
 * under {@code /realms/{realm}/txauth/me/page}. Scripts, styles and calls from this origin only; never framed.
 */
final class SelfServicePage {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private SelfServicePage() {
    }

    static Response serve(String file, String mediaType) {
        try (InputStream in = SelfServicePage.class.getResourceAsStream("/txauth-self-service/" + file)) {
            if (in == null) {
                return Response.status(404).build();
            }
            return Response.ok(in.readAllBytes(), mediaType).header("Content-Security-Policy", CSP)
                    .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer")
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
