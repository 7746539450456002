package dev.txauth.it;

import dev.txauth.testkit.browser.ChromeBrowser;
import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.journey.PaymentJourney;
import dev.txauth.testkit.server.SmsGatewayStub;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.WithPhone;
import dev.txauth.testkit.users.WithTotp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Story (docs/api.md §9) in a real browser: headless Chromium shows "Send a code by SMS to •••• 1234", the page
 * after sending (code input), the error after a wrong code, and the approval with the right one. Screenshots of
 * the three states go to {@code target/screenshots/}.
 */
@TxauthKeycloakTest
class SmsCodeBrowserIT {

    private static final Path SCREENSHOTS = PasskeyRegistrationIT.SCREENSHOTS;
    private static final String PHONE = "+2348031110021";

    private final PaymentService paymentService;
    private final SmsGatewayStub gateway;

    SmsCodeBrowserIT(TxauthServer server, PaymentService paymentService) {
        this.paymentService = paymentService;
        this.gateway = server.smsGateway();
    }

    @Test
    void smsButtonSentStateAndErrorStateInChromium(@WithTotp @WithPhone(PHONE) TestUser user,
                                                   AuthorizationClient app, ChromeBrowser chrome) throws Exception {
        String id = paymentService.registerPayment(user.id(), "50000.00", "Ada Obi");
        PaymentJourney.confirmationPageIn(chrome, app, user, id);

        WebElement send = chrome.awaitClickable(By.id("txauth-send-sms"));
        assertEquals("Send a code by SMS to \u2022\u2022\u2022\u2022 0021", send.getText());
        Path offered = chrome.screenshot(SCREENSHOTS.resolve("sms-code-offered.png"));
        send.click();

        SmsGatewayStub.Request sms = gateway.awaitCode(PHONE, 1);
        synchronized (AuditIntegrityIT.SECRETS_SEEN) {
            AuditIntegrityIT.SECRETS_SEEN.add(sms.code());
        }
        chrome.awaitClickable(By.id("txauth-code-sent"));
        assertTrue(chrome.visibleText().contains("0021"), chrome.visibleText());
        Path sent = chrome.screenshot(SCREENSHOTS.resolve("sms-code-sent.png"));

        String wrong = sms.code().equals("000000") ? "111111" : "000000";
        chrome.awaitClickable(By.id("otp")).sendKeys(wrong);
        chrome.awaitClickable(By.id("txauth-confirm")).click();
        chrome.awaitClickable(By.id("txauth-code-sent"));
        assertTrue(chrome.visibleText().contains("could not be confirmed"), chrome.visibleText());
        Path error = chrome.screenshot(SCREENSHOTS.resolve("sms-code-error.png"));

        chrome.awaitClickable(By.id("otp")).sendKeys(sms.code());
        chrome.awaitClickable(By.id("txauth-confirm")).click();
        assertTrue(!PasskeyRegistrationIT.code(chrome.awaitAppRedirect(Duration.ofSeconds(30))).isBlank());
        assertEquals("APPROVED", paymentService.get(id).json().path("status").asText());
        assertEquals("sms", paymentService.get(id).json().path("method").asText());
        for (Path shot : new Path[] {offered, sent, error}) {
            assertTrue(Files.size(shot) > 1000, shot + " is empty");
        }
    }
}
