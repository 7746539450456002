package dev.txauth.testkit.client;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageTest {

    private static Page redirect(String location) {
        return new Page(302, URI.create("http://localhost/realms/payments/login-actions"), "", URI.create(location));
    }

    @Test
    void readsDecodedParametersOfTheAppRedirect() {
        Page page = redirect("com.example.wallet:/oauth2redirect?state=s%201&code=ab.c%2Bd&iss=x");
        assertEquals(Map.of("state", "s 1", "code", "ab.c+d", "iss", "x"), page.appRedirectParameters());
        assertEquals("ab.c+d", page.code());
    }

    @Test
    void readsTheFragmentWhenThereIsNoQuery() {
        assertEquals("access_denied", redirect("com.example.wallet:/cb#error=access_denied")
                .appRedirectParameters().get("error"));
    }

    @Test
    void anErrorRedirectHasNoCodeAndAnHtmlPageNoRedirect() {
        assertThrows(IllegalStateException.class, () -> redirect("com.example.wallet:/cb?error=x").code());
        Page html = new Page(200, URI.create("http://localhost/x"), "<html><body>Sign in</body></html>", null);
        IllegalStateException e = assertThrows(IllegalStateException.class, html::appRedirectParameters);
        assertTrue(e.getMessage().contains("Sign in"), e.getMessage());
    }
}
