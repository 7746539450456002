package dev.txauth.it;

import dev.txauth.testkit.browser.ChromeBrowser;
import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.risk.DeviceRiskSupport;
import dev.txauth.testkit.server.SmsGatewayStub;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.WithPhone;
import dev.txauth.testkit.users.WithTotp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Story (docs/api.md §6, §9) in a real browser: a risky sign-in shows Keycloak's OTP form with "Try another way";
 * the user picks "Code by SMS", sends the code, types a wrong one, then the right one and is signed in. Screenshots
 * of the choice, the SMS page before and after sending, and the error go to {@code target/screenshots/}.
 */
@TxauthKeycloakTest
class SmsLoginCodeBrowserIT {

    private static final Path SCREENSHOTS = PasskeyRegistrationIT.SCREENSHOTS;
    private static final String PHONE = "+2348031120021";

    private final SmsGatewayStub gateway;

    SmsLoginCodeBrowserIT(TxauthServer server) {
        this.gateway = server.smsGateway();
    }

    @Test
    void tryAnotherWayCodeBySmsSentStateAndErrorStateInChromium(@WithTotp @WithPhone(PHONE) TestUser user,
                                                                 AuthorizationClient app, ChromeBrowser chrome) {
        chrome.open(app.authorizationUrl(Pkce.s256(), Map.of()));
        chrome.signIn(user);   // a fresh browser is an unknown device: the risk step-up follows

        chrome.awaitClickable(By.id("otp"));
        chrome.awaitClickable(By.id("try-another-way")).click();
        chrome.awaitClickable(By.xpath("//h2[contains(normalize-space(.), 'Code by SMS')]"));
        Path choice = chrome.screenshot(SCREENSHOTS.resolve("sms-login-choice.png"));
        chrome.driver().findElement(By.xpath("//div[@role='button'][.//h2[contains(normalize-space(.),"
                + " 'Code by SMS')]]")).click();

        chrome.awaitClickable(By.id("txauth-send-sms"));
        assertEquals("Send a code by SMS to \u2022\u2022\u2022\u2022 0021",
                chrome.driver().findElement(By.id("txauth-send-sms")).getText());
        assertFalse(chrome.driver().findElements(By.id("try-another-way")).isEmpty(), "the way back to the app");
        Path offered = chrome.screenshot(SCREENSHOTS.resolve("sms-login-offered.png"));
        chrome.driver().findElement(By.id("txauth-send-sms")).click();

        SmsGatewayStub.Request sms = gateway.awaitCode(PHONE, 1);
        synchronized (AuditIntegrityIT.SECRETS_SEEN) {
            AuditIntegrityIT.SECRETS_SEEN.add(sms.code());
        }
        chrome.awaitClickable(By.id("otp"));
        assertTrue(chrome.visibleText().contains("We sent a sign-in code by SMS to \u2022\u2022\u2022\u2022 0021"),
                chrome.visibleText());
        Path sent = chrome.screenshot(SCREENSHOTS.resolve("sms-login-sent.png"));

        chrome.driver().findElement(By.id("otp")).sendKeys(sms.code().equals("000000") ? "111111" : "000000");
        chrome.driver().findElement(By.id("txauth-login-code-submit")).click();
        chrome.awaitText("That code is not valid");
        chrome.awaitClickable(By.id("txauth-login-code-sent"));
        Path error = chrome.screenshot(SCREENSHOTS.resolve("sms-login-error.png"));

        DeviceRiskSupport.sleep(1_100);   // the realm's quick-login check, as a person typing would wait
        chrome.awaitClickable(By.id("otp")).sendKeys(sms.code());
        chrome.driver().findElement(By.id("txauth-login-code-submit")).click();
        String redirect = chrome.awaitAppRedirect(Duration.ofSeconds(30)).toString();
        assertTrue(redirect.contains("code="), redirect);
        assertFalse(redirect.contains("error="), redirect);
        for (Path shot : new Path[] {choice, offered, sent, error}) {
            assertTrue(shot.toFile().length() > 1000, shot + " is empty");
            assertTrue(Files.exists(shot));
        }
    }
}
