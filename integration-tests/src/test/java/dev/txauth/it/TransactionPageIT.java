package dev.txauth.it;

import dev.txauth.testkit.client.AdminClient;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.journey.ConfirmationPage;
import dev.txauth.testkit.journey.PaymentJourney;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import dev.txauth.testkit.users.WithTotp;
import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.txauth.testkit.client.PaymentService.reference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Story: the user sees exactly what they approve, and nothing a payee name contains can act on the page. */
@TxauthKeycloakTest
class TransactionPageIT {

    private final TxauthServer server;
    private final PaymentService paymentService;
    private final PaymentJourney journey;

    TransactionPageIT(TxauthServer server, PaymentService paymentService, PaymentJourney journey) {
        this.server = server;
        this.paymentService = paymentService;
        this.journey = journey;
    }

    private Page confirmationPage(TestUser user, String payee, String remittance, Map<String, String> extra) {
        Map<String, Object> detail = new LinkedHashMap<>(PaymentService.paymentDetail("50000.00", payee));
        detail.put("remittanceInformation", remittance);
        return journey.confirmationPage(user, detail, extra).page();
    }

    /** The page for this detail, confirmed by a fresh TOTP user (one per page, so no code is ever reused). */
    private Page confirmationPage(Map<String, Object> detail) {
        return journey.confirmationPage(TestUsers.withOtp(server, "page"), detail, Map.of()).page();
    }

    @Test
    void showsAmountPayeeBankMaskedAccountAndRemittance(@WithTotp TestUser user) {
        ConfirmationPage page = journey.confirmationPage(user, "50000.00", "Ada Obi");
        assertEquals("\u20a650,000.00", page.amount());
        assertEquals("Ada Obi", page.payee());
        assertEquals("Guaranty Trust Bank", page.bank());
        String account = page.account();
        assertTrue(account.endsWith("6789") && !account.contains("0123456789"), account);
        assertEquals("Rent for March", page.remittance());
        Element form = page.form();
        assertEquals(1, form.select("input[name=otp]").size());
        assertEquals(1, form.select("button[name=decline]").size());
        assertFalse(form.hasAttr("data-challenge"), "no passkey registered, so no passkey button");
    }

    /** The contract's example payment of 50,000.00 to Ada Obi, in another currency and to another account. */
    private static Map<String, Object> payment(String currency, Map<String, Object> account) {
        Map<String, Object> detail = new LinkedHashMap<>(PaymentService.paymentDetail("50000.00", "Ada Obi"));
        detail.put("instructedAmount", Map.of("currency", currency, "amount", "50000.00"));
        detail.put("creditorAccount", account);
        return detail;
    }

    @Test
    void dollarsOfDifferentCountriesLookDifferent() {
        Map<String, String> shown = new LinkedHashMap<>();
        for (String currency : new String[] {"USD", "KYD"}) {
            Map<String, Object> detail = payment(currency, Map.of("scheme", "NUBAN", "identification", "0123456789",
                    "bankCode", "058"));
            shown.put(currency, confirmationPage(detail).document().select("#txauth-amount").text());
        }
        assertFalse(shown.get("USD").equals(shown.get("KYD")), "USD and KYD look alike: " + shown);
        assertTrue(shown.get("USD").matches("USD[\\s\u00a0]50,000\\.00"), shown.get("USD"));
        assertTrue(shown.get("KYD").matches("KYD[\\s\u00a0]50,000\\.00"), shown.get("KYD"));
    }

    @Test
    void ibanPayeesAtOneBankCanBeToldApartButNeverShownInFull() {
        Map<String, String> shown = new LinkedHashMap<>();
        for (String iban : new String[] {"DE89370400440532013000", "DE19370400440999013000"}) {
            Map<String, Object> detail = payment("EUR", Map.of("scheme", "IBAN", "identification", iban));
            String account = confirmationPage(detail).document().select("#txauth-account").text();
            assertFalse(account.replace(" ", "").contains(iban.substring(4)), account);
            shown.put(iban, account);
        }
        assertEquals("IBAN DE89 3704 \u2022\u2022\u2022\u2022 3000", shown.get("DE89370400440532013000"));
        assertEquals("IBAN DE19 3704 \u2022\u2022\u2022\u2022 3000", shown.get("DE19370400440999013000"));
    }

    @Test
    void formatsAmountForFrenchLocale(@WithTotp TestUser user) {
        Page page = confirmationPage(user, "Ada Obi", "Loyer", Map.of("ui_locales", "fr"));
        String amount = page.document().select("#txauth-amount").text();
        assertTrue(amount.matches("50[\\s\u00a0\u202f]000,00[\\s\u00a0\u202f]\u20a6"), amount);
        assertTrue(page.body().contains("Confirmez ce paiement"), page.document().title());
    }

    @Test
    void scriptInPayeeAndRemittanceIsInertAndVisible(@WithTotp TestUser user) {
        String script = "<script>alert(1)</script>";
        Page page = confirmationPage(user, script, "<img src=x onerror=alert(2)>", Map.of());
        assertFalse(page.body().contains(script), "raw script tag in the HTML");
        assertFalse(page.body().contains("<img src=x"), "raw img tag in the HTML");
        assertTrue(page.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "escaped payee not found");
        assertEquals(script, page.document().select("#txauth-payee").text());
        assertEquals(0, page.document().select("#txauth-payment script, #txauth-payment img").size());
    }

    @Test
    void rightToLeftAndZeroWidthCharactersAreIsolatedAndVisible(@WithTotp TestUser user) {
        String payee = "Ada\u200b Obi \u202egnp.exe";
        Page page = confirmationPage(user, payee, "\u05e9\u05db\u05e8 \u05d3\u05d9\u05e8\u05d4", Map.of());
        Element shown = page.document().selectFirst("#txauth-payee bdi");
        assertTrue(shown != null, "payee must be isolated in <bdi>");
        assertEquals("Ada[U+200B] Obi [U+202E]gnp.exe", shown.text());
        assertFalse(page.body().contains("\u202e"), "the bidi override must not reach the page");
        assertFalse(page.body().contains("\u200b"), "the zero-width space must not reach the page");
        assertEquals("\u05e9\u05db\u05e8 \u05d3\u05d9\u05e8\u05d4",
                page.document().select("#txauth-remittance bdi").text());
    }

    @Test
    void userWithoutAnOfferedFactorIsToldWhatToSetUp(@WithTotp TestUser user) {
        // With the realm flow a user needs a second factor to reach level 3 at all; switching TOTP off for the
        // confirmation step makes a TOTP-only user one without any factor the step accepts.
        String executions = "/admin/realms/payments/authentication/flows/txauth%20browser/executions";
        String executionId = null;
        for (JsonNode execution : server.admin().get(executions).json()) {
            if ("txauth-transaction-confirm".equals(execution.path("providerId").asText())) {
                executionId = execution.path("id").asText();
            }
        }
        assertTrue(executionId != null, "txauth-transaction-confirm is not in the realm's browser flow");
        AdminClient.Response created = server.admin().post("/admin/realms/payments/authentication/"
                + "executions/" + executionId + "/config", Map.of("alias", "txauth-confirm-passkey-only",
                "config", Map.of("totp-enabled", "false", "passkey-enabled", "true")));
        assertEquals(201, created.status(), created.body());
        String location = created.raw().headers().firstValue("Location").orElseThrow();
        try {
            String id = paymentService.registerPayment(user.id(), "50000.00", "Ada Obi");
            Page page = journey.open(user, reference(id)).page();
            assertFalse(page.isAppRedirect());
            assertFalse(page.form(ConfirmationPage.FORM).isPresent());
            String text = page.document().select("#txauth-setup").text();
            assertTrue(text.contains("authenticator app") && text.contains("passkey"), page.document().text());
            assertFalse(page.body().contains("Ada Obi"), "no payment details before a factor exists");
        } finally {
            server.admin().delete("/admin/realms/payments/authentication/config/"
                    + location.substring(location.lastIndexOf('/') + 1));
        }
    }
}
