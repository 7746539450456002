package dev.txauth.it;

import dev.txauth.devserver.DevServer;
import dev.txauth.devserver.TxauthBundle;
import dev.txauth.testkit.browser.ChromeBrowser;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.server.DevConfiguredServer;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/api.md §12, docs/demo.md: a newcomer runs the dev server, opens the demo wallet, signs in as the demo user
 * (a fresh browser is an unknown device: the sign-in steps up with a sign-in code by SMS, read from the dev outbox),
 * pays NGN 5,000 to Ada Obi (answering what level 2 asks first), reads the SMS code in the page's outbox panel, types it on the confirmation page and sees
 * "consumed" — in a real Chromium against a Keycloak set up by the dev server's own code ({@link DevConfiguredServer}).
 * The production-like test server has the demo's jar too, but without the dev server's option it serves nothing.
 */
@TxauthKeycloakTest
class DemoPaymentIT {

    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final Pattern CODE = Pattern.compile("Code ([0-9]{6})\\. Never share it");
    private static final Pattern PLEASE_WAIT = Pattern.compile("Please wait ([0-9]+) seconds");
    private static final Pattern LOGIN_CODE = Pattern.compile("sign-in code is ([0-9]{6})\\. Never share it");
    private static final Pattern FULL_JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}\\.");
    private static DevConfiguredServer dev;

    @BeforeAll
    static void startDevServer() {
        dev = DevConfiguredServer.start();
    }

    @AfterAll
    static void stopDevServer() {
        if (dev != null) {
            dev.close();
        }
    }

    @Test
    void demoUserPaysAdaObiWithTheSmsCodeFromTheOutboxPanelAndSeesConsumed(ChromeBrowser chrome) throws Exception {
        WebDriver driver = chrome.driver();
        driver.manage().window().setSize(new Dimension(1280, 900));
        chrome.open(dev.demoUrl());
        String wallet = driver.getWindowHandle();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.textMatches(By.id("key-thumbprint"), Pattern.compile("^jkt [A-Za-z0-9_-]{43}$")));

        chrome.awaitClickable(By.id("sign-in")).click();
        popup(driver, wallet);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(DevServer.DEMO_USER);
        driver.findElement(By.id("password")).sendKeys(DevServer.DEMO_PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        stepUpSignIn(driver, chrome);
        driver.switchTo().window(wallet);
        chrome.awaitClickable(By.id("pay"));
        assertTrue(driver.findElement(By.id("wallet-status")).getText().startsWith("Signed in as demo"),
                driver.findElement(By.id("wallet-status")).getText());

        driver.findElement(By.id("pay")).click();
        popup(driver, wallet);
        // Level 3 builds on level 2 (docs/api.md §2): a sign-in whose step-up was an SMS code is level 1, so Keycloak
        // asks level 2 first — for the phone-only demo user, another SMS sign-in code (txauth level 2 sms code).
        By loginCode = By.id("txauth-send-sms");
        new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(() -> "the pop-up shows instead: "
                + driver.getCurrentUrl() + "\n" + chrome.visibleText()).until(ExpectedConditions.or(
                ExpectedConditions.presenceOfElementLocated(By.name("send_sms")),
                ExpectedConditions.presenceOfElementLocated(loginCode)));
        if (!driver.findElements(loginCode).isEmpty()) {
            answerSmsLoginCode(driver);
        }
        chrome.awaitClickable(By.name("send_sms")).click();
        chrome.awaitClickable(By.id("otp"));

        driver.switchTo().window(wallet);
        // The panel polls the outbox and re-renders its list, so an element found in one poll can be gone by the next
        // read: the wait reads the texts in the same step and retries a list replaced under it.
        String sms = wait.ignoring(StaleElementReferenceException.class).until(d -> d
                .findElements(By.cssSelector("#sms-messages .sms-text")).stream()
                .map(WebElement::getText).filter(text -> CODE.matcher(text).find()).findFirst().orElse(null));
        Matcher shown = CODE.matcher(sms);
        assertTrue(shown.find(), sms);
        assertTrue(sms.contains("Ada Obi"), sms);
        List<String> outbox = Files.readAllLines(dev.smsFile());
        assertTrue(outbox.get(outbox.size() - 1).contains(shown.group()), "the panel shows the outbox's newest SMS");
        remember(shown.group(1));
        chrome.screenshot(SHOTS.resolve("demo-sms-1280.png"));

        popup(driver, wallet);
        driver.findElement(By.id("otp")).sendKeys(shown.group(1));
        driver.findElement(By.id("txauth-confirm")).click();
        driver.switchTo().window(wallet);
        WebElement result = new WebDriverWait(driver, Duration.ofSeconds(45)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#result[data-status='consumed']")));
        assertTrue(result.getText().contains("consumed"), result.getText());
        String transaction = result.getAttribute("data-transaction");
        assertEquals("CONSUMED", new PaymentService(dev).get(transaction).json().path("status").asText());
        assertEquals("sms", new PaymentService(dev).get(transaction).json().path("method").asText());

        String page = chrome.visibleText();
        for (String step : List.of("Register the transaction", "Authorization request for the payment",
                "the token with the transaction claims", "txn_id", "Consume the approval")) {
            assertTrue(page.contains(step), "step shown: " + step);
        }
        assertTrue(page.contains("\"status\": \"CONSUMED\""), "the registry's consume answer is shown");
        assertFalse(page.contains(dev.paymentServiceSecret()), "the payment-service secret never reaches the page");
        assertFalse(FULL_JWT.matcher(driver.getPageSource()).find(), "every token on the page is shortened");
        assertEquals(java.util.Optional.empty(), chrome.openDialog());
        screenshots(chrome, "demo");
    }

    @Test
    void devBackendRefusesBadBodiesWithAClearErrorAndRegistersNothing() throws Exception {
        String payments = dev.demoUrl() + "api/payments";
        long before = transactions();
        assertRefused(post(payments, "application/json", "{\"amount\": \"5000.00\""), 400, "not valid JSON");
        assertRefused(post(payments, "application/json", "{\"amount\":\"" + "9".repeat(5000) + "\"}"), 413,
                "larger than 4096 bytes");
        assertRefused(post(payments, "text/plain", "{\"amount\":\"5000.00\"}"), 415, "application/json");
        assertRefused(post(payments, "application/json", "[\"5000.00\"]"), 400, "JSON object");
        assertRefused(post(payments, "application/json", "{\"amount\":5000}"), 400, "decimal string");
        assertRefused(post(payments, "application/json", "{\"amount\":\"5000.00\"}"), 401, "Authorization: DPoP");
        assertRefused(post(dev.demoUrl() + "api/payments/not-an-id/consume", "application/json", ""), 401,
                "Authorization: DPoP");
        assertEquals(before, transactions(), "nothing was registered");
    }

    @Test
    void servesThePageUnderAStrictPolicyWithoutInlineScript() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(dev.demoUrl()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("script-src 'self';") && csp.contains("connect-src 'self';")
                && !csp.contains("unsafe"), csp);
        assertFalse(page.body().contains("<script>") || page.body().contains("style="), "no inline script or style");
        assertEquals(404, get(dev.demoUrl() + "dev/txauth/demo/DemoResource.class"));
        assertTrue(get(dev.demoUrl() + "..%2Fpayments-realm.json") >= 400, "no path outside the list");
    }

    @Test
    void productionTestServerDoesNotServeTheDemoThoughItsJarIsInstalled(TxauthServer server) throws Exception {
        Path jar = server.logFile().getParent()
                .resolve("keycloak-" + TxauthBundle.fromClasspath().keycloakVersion()).resolve("providers")
                .resolve("txauth-demo.jar");
        assertTrue(Files.isRegularFile(jar), "the demo jar is installed on the test server: " + jar);
        String demo = server.realmUrl() + "/txauth-demo/";
        assertEquals(404, get(demo));
        assertEquals(404, get(demo + "app.js"));
        assertEquals(404, post(demo + "api/payments", "application/json", "{\"amount\":\"5000.00\"}").statusCode());
        assertFalse(Files.readString(server.logFile()).contains("DEV DEMO ACTIVE"));
    }

    /**
     * The demo user's first sign-in from this browser steps up (docs/api.md §6) and their verified phone is their
     * second factor: the SMS sign-in code, read from the dev outbox. Afterwards the pop-up closes itself.
     */
    private static void stepUpSignIn(WebDriver driver, ChromeBrowser chrome) throws Exception {
        By send = By.id("txauth-send-sms");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.withMessage(() -> "the pop-up shows instead: " + chrome.visibleText())
                .until(d -> d.getWindowHandles().size() == 1 || !d.findElements(send).isEmpty());
        if (driver.getWindowHandles().size() > 1) {
            answerSmsLoginCode(driver);
            wait.until(d -> d.getWindowHandles().size() == 1);
        }
    }

    /**
     * On the SMS sign-in code page: presses send, reads the code from the dev outbox as a newcomer reads their phone,
     * types it. When the page says to wait (the resend cooldown runs per browser, and the sign-in code was sent
     * moments ago), waits as long as it says, as a person would, and presses again.
     */
    private static void answerSmsLoginCode(WebDriver driver) throws Exception {
        // the page reloads after the send: a body read during that reload is stale, and the next poll reads anew
        FluentWait<WebDriver> wait = new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class);
        int before = Files.exists(dev.smsFile()) ? Files.readAllLines(dev.smsFile()).size() : 0;
        driver.findElement(By.id("txauth-send-sms")).click();
        String code = null;
        for (int attempt = 0; code == null && attempt < 3; attempt++) {
            code = wait.until(d -> {
                String sent = newestLoginCode(before);
                if (sent != null) {
                    return sent;
                }
                Matcher cooldown = PLEASE_WAIT.matcher(d.findElement(By.tagName("body")).getText());
                return cooldown.find() ? "wait:" + cooldown.group(1) : null;
            });
            if (code.startsWith("wait:")) {
                Thread.sleep((Long.parseLong(code.substring(5)) + 1) * 1000);
                driver.findElement(By.id("txauth-send-sms")).click();
                code = null;
            }
        }
        assertNotNull(code, "no sign-in code reached the outbox");
        remember(code);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("otp"))).sendKeys(code);
        driver.findElement(By.id("txauth-login-code-submit")).click();
    }

    /**
     * The sign-in code of the newest SMS that came to the outbox after the {@code before} lines already there (null
     * while none came). Searched, not just the last line: the new-device alert SMS may follow the code at once.
     */
    private static String newestLoginCode(int before) {
        try {
            List<String> outbox = Files.exists(dev.smsFile()) ? Files.readAllLines(dev.smsFile()) : List.of();
            for (int line = outbox.size() - 1; line >= before; line--) {
                Matcher code = LOGIN_CODE.matcher(outbox.get(line));
                if (code.find()) {
                    return code.group(1);
                }
            }
            return null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }


    /** Switches to the pop-up the wallet opened (Keycloak's pages). */
    private static void popup(WebDriver driver, String wallet) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getWindowHandles().size() > 1);
        for (String handle : driver.getWindowHandles()) {
            if (!handle.equals(wallet)) {
                driver.switchTo().window(handle);
                return;
            }
        }
    }

    private static void screenshots(ChromeBrowser chrome, String name) {
        chrome.driver().manage().window().setSize(new Dimension(1280, 900));
        chrome.screenshot(SHOTS.resolve(name + "-1280.png"));
        chrome.driver().manage().window().setSize(new Dimension(360, 800));
        Number overflow = (Number) chrome.driver().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow.intValue() <= 0, name + " is wider than a 360 px phone by " + overflow + " px");
        chrome.screenshot(SHOTS.resolve(name + "-360.png"));
    }

    /** The redaction scan (AuditIntegrityIT) looks for every code a test saw. */
    private static void remember(String code) {
        synchronized (AuditIntegrityIT.SECRETS_SEEN) {
            AuditIntegrityIT.SECRETS_SEEN.add(code);
        }
    }

    private static void assertRefused(HttpResponse<String> answer, int status, String says) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"error\"") && answer.body().contains(says), answer.body());
    }

    private static int get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpResponse<String> post(String url, String type, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long transactions() throws Exception {
        try (Connection db = dev.openDatabase(); ResultSet rows = db.createStatement().executeQuery(
                "SELECT count(*) FROM txauth_transaction")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
