package dev.txauth.it;

import dev.txauth.testkit.Page;
import dev.txauth.testkit.PaymentService;
import dev.txauth.testkit.TestUser;
import dev.txauth.testkit.TestUsers;
import dev.txauth.testkit.TransactionConfirmation;
import dev.txauth.testkit.TxauthKeycloakTest;
import dev.txauth.testkit.TxauthServer;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Story: the user sees exactly what they approve, and nothing a payee name contains can act on the page. */
@TxauthKeycloakTest
class TransactionPageIT {

    private final TxauthServer server;
    private final PaymentService paymentService;

    TransactionPageIT(TxauthServer server) {
        this.server = server;
        this.paymentService = new PaymentService(server);
    }

    private Page confirmationPage(String payee, String remittance, Map<String, String> extra) {
        Map<String, Object> detail = new java.util.LinkedHashMap<>(PaymentService.paymentDetail("50000.00", payee));
        detail.put("remittanceInformation", remittance);
        return confirmationPage(detail, extra);
    }

    private Page confirmationPage(Map<String, Object> detail, Map<String, String> extra) {
        TestUser user = TestUsers.withOtp(server, "page");
        PaymentService.Answer answer = paymentService.register(PaymentService.registration(user.id(), "mobile-app",
                detail));
        assertEquals(201, answer.status(), answer.body());
        String id = answer.json().path("transaction_id").asText();
        dev.txauth.testkit.OidcClient app = server.newBrowser();
        Page page;
        if (extra.isEmpty()) {
            page = new TransactionConfirmation(app, user).open(TransactionConfirmation.reference(id));
        } else {
            TransactionConfirmation confirmation = new TransactionConfirmation(app, user);
            Map<String, String> params = new java.util.LinkedHashMap<>(Map.of("acr_values", "transaction",
                    "authorization_details", TransactionConfirmation.reference(id)));
            params.putAll(extra);
            page = app.authorize(app.authorizationParameters(confirmation.pkce(), params));
            page = app.submitPassword(page, user.username(), user.password());
            page = app.submitOtp(page, dev.txauth.testkit.Totp.freshCode(user.otpSecret(), 4));
        }
        Page shown = page;
        assertTrue(shown.form(TransactionConfirmation.CONFIRM_FORM).isPresent(), () -> shown.document().text());
        return shown;
    }

    @Test
    void showsAmountPayeeBankMaskedAccountAndRemittance() {
        Page page = confirmationPage("Ada Obi", "Rent for March", Map.of());
        assertEquals("\u20a650,000.00", page.document().select("#txauth-amount").text());
        assertEquals("Ada Obi", page.document().select("#txauth-payee").text());
        assertEquals("Guaranty Trust Bank", page.document().select("#txauth-bank").text());
        String account = page.document().select("#txauth-account").text();
        assertTrue(account.endsWith("6789") && !account.contains("0123456789"), account);
        assertEquals("Rent for March", page.document().select("#txauth-remittance").text());
        Element form = page.form(TransactionConfirmation.CONFIRM_FORM).orElseThrow();
        assertEquals(1, form.select("input[name=otp]").size());
        assertEquals(1, form.select("button[name=decline]").size());
        assertFalse(form.hasAttr("data-challenge"), "no passkey registered, so no passkey button");
    }

    /** The contract's example payment of 50,000.00 to Ada Obi, in another currency and to another account. */
    private static Map<String, Object> payment(String currency, Map<String, Object> account) {
        Map<String, Object> detail = new java.util.LinkedHashMap<>(PaymentService.paymentDetail("50000.00", "Ada Obi"));
        detail.put("instructedAmount", Map.of("currency", currency, "amount", "50000.00"));
        detail.put("creditorAccount", account);
        return detail;
    }

    @Test
    void dollarsOfDifferentCountriesLookDifferent() {
        Map<String, String> shown = new java.util.LinkedHashMap<>();
        for (String currency : new String[] {"USD", "KYD"}) {
            Map<String, Object> detail = payment(currency, Map.of("scheme", "NUBAN", "identification", "0123456789",
                    "bankCode", "058"));
            shown.put(currency, confirmationPage(detail, Map.of()).document().select("#txauth-amount").text());
        }
        assertFalse(shown.get("USD").equals(shown.get("KYD")), "USD and KYD look alike: " + shown);
        assertTrue(shown.get("USD").matches("USD[\\s\u00a0]50,000\\.00"), shown.get("USD"));
        assertTrue(shown.get("KYD").matches("KYD[\\s\u00a0]50,000\\.00"), shown.get("KYD"));
    }

    @Test
    void ibanPayeesAtOneBankCanBeToldApartButNeverShownInFull() {
        Map<String, String> shown = new java.util.LinkedHashMap<>();
        for (String iban : new String[] {"DE89370400440532013000", "DE19370400440999013000"}) {
            Map<String, Object> detail = payment("EUR", Map.of("scheme", "IBAN", "identification", iban));
            String account = confirmationPage(detail, Map.of()).document().select("#txauth-account").text();
            assertFalse(account.replace(" ", "").contains(iban.substring(4)), account);
            shown.put(iban, account);
        }
        assertEquals("IBAN DE89 3704 \u2022\u2022\u2022\u2022 3000", shown.get("DE89370400440532013000"));
        assertEquals("IBAN DE19 3704 \u2022\u2022\u2022\u2022 3000", shown.get("DE19370400440999013000"));
    }

    @Test
    void formatsAmountForFrenchLocale() {
        Page page = confirmationPage("Ada Obi", "Loyer", Map.of("ui_locales", "fr"));
        String amount = page.document().select("#txauth-amount").text();
        assertTrue(amount.matches("50[\\s\u00a0\u202f]000,00[\\s\u00a0\u202f]\u20a6"), amount);
        assertTrue(page.body().contains("Confirmez ce paiement"), page.document().title());
    }

    @Test
    void scriptInPayeeAndRemittanceIsInertAndVisible() {
        String script = "<script>alert(1)</script>";
        Page page = confirmationPage(script, "<img src=x onerror=alert(2)>", Map.of());
        assertFalse(page.body().contains(script), "raw script tag in the HTML");
        assertFalse(page.body().contains("<img src=x"), "raw img tag in the HTML");
        assertTrue(page.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "escaped payee not found");
        assertEquals(script, page.document().select("#txauth-payee").text());
        assertEquals(0, page.document().select("#txauth-payment script, #txauth-payment img").size());
    }

    @Test
    void rightToLeftAndZeroWidthCharactersAreIsolatedAndVisible() {
        String payee = "Ada\u200b Obi \u202egnp.exe";
        Page page = confirmationPage(payee, "\u05e9\u05db\u05e8 \u05d3\u05d9\u05e8\u05d4", Map.of());
        Element shown = page.document().selectFirst("#txauth-payee bdi");
        assertTrue(shown != null, "payee must be isolated in <bdi>");
        assertEquals("Ada[U+200B] Obi [U+202E]gnp.exe", shown.text());
        assertFalse(page.body().contains("\u202e"), "the bidi override must not reach the page");
        assertFalse(page.body().contains("\u200b"), "the zero-width space must not reach the page");
        assertEquals("\u05e9\u05db\u05e8 \u05d3\u05d9\u05e8\u05d4",
                page.document().select("#txauth-remittance bdi").text());
    }

    @Test
    void userWithoutAnOfferedFactorIsToldWhatToSetUp() {
        // With the realm flow a user needs a second factor to reach level 3 at all; switching TOTP off for the
        // confirmation step makes a TOTP-only user one without any factor the step accepts.
        String executions = "/admin/realms/payments/authentication/flows/txauth%20browser/executions";
        String executionId = null;
        for (com.fasterxml.jackson.databind.JsonNode execution : server.admin().get(executions).json()) {
            if ("txauth-transaction-confirm".equals(execution.path("providerId").asText())) {
                executionId = execution.path("id").asText();
            }
        }
        assertTrue(executionId != null, "txauth-transaction-confirm is not in the realm's browser flow");
        dev.txauth.testkit.AdminClient.Response created = server.admin().post("/admin/realms/payments/authentication/"
                + "executions/" + executionId + "/config", Map.of("alias", "txauth-confirm-passkey-only",
                "config", Map.of("totp-enabled", "false", "passkey-enabled", "true")));
        assertEquals(201, created.status(), created.body());
        String location = created.raw().headers().firstValue("Location").orElseThrow();
        try {
            TestUser user = TestUsers.withOtp(server, "setup");
            String id = paymentService.registerPayment(user.id(), "50000.00", "Ada Obi");
            Page page = new TransactionConfirmation(server.newBrowser(), user).open(
                    TransactionConfirmation.reference(id));
            assertFalse(page.isAppRedirect());
            assertFalse(page.form(TransactionConfirmation.CONFIRM_FORM).isPresent());
            String text = page.document().select("#txauth-setup").text();
            assertTrue(text.contains("authenticator app") && text.contains("passkey"), page.document().text());
            assertFalse(page.body().contains("Ada Obi"), "no payment details before a factor exists");
        } finally {
            server.admin().delete("/admin/realms/payments/authentication/config/"
                    + location.substring(location.lastIndexOf('/') + 1));
        }
    }
}
