package dev.txauth.testkit.browser;

import dev.txauth.testkit.client.Json;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.Totp;
import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * A real headless Chromium (Debian {@code chromium} + {@code chromium-driver}) driven by Selenium, with a fresh
 * profile and nothing running in the background, for tests of what a user's browser actually renders and executes.
 * <p>
 * Paths default to {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}; override with
 * {@code -Dtxauth.chromium=} / {@code -Dtxauth.chromedriver=}. When they are missing, {@link #start()} throws with the
 * install command: a browser test must fail loudly, never skip.
 */
public final class ChromeBrowser implements AutoCloseable {

    public static final String CHROMIUM = System.getProperty("txauth.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("txauth.chromedriver", "/usr/bin/chromedriver");
    private static final String APP_SCHEME = "com.example.wallet:";

    private final ChromeDriver driver;
    private final Path profile;
    private VirtualAuthenticator authenticator;

    private ChromeBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static ChromeBrowser start() {
        requireExecutable(CHROMIUM, "chromium");
        requireExecutable(CHROMEDRIVER, "chromium-driver");
        Path profile;
        try {
            profile = Files.createTempDirectory("txauth-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
                "--user-data-dir=" + profile, "--window-size=412,915", "--lang=en-US");
        // Dialogs stay open until a test handles them: an alert() fired by an injected script must be observable.
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        // Network events let a test read the 302 to the app's custom scheme, which Chromium itself cannot open.
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new ChromeBrowser(driver, profile);
    }

    static void requireExecutable(String path, String debianPackage) {
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException(path + " is missing: install it with `apt-get install -y chromium "
                    + "chromium-driver` (package " + debianPackage + "), or point -Dtxauth.chromium / "
                    + "-Dtxauth.chromedriver at a matching Chromium and ChromeDriver");
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * A platform authenticator like a phone's: CTAP2, internal transport, discoverable credentials, user verification
     * that always succeeds (the "fingerprint" is accepted without a prompt).
     */
    public VirtualAuthenticator addPlatformAuthenticator() {
        authenticator = driver.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true)
                .setIsUserConsenting(true));
        return authenticator;
    }

    /** The passkeys Chromium's virtual authenticator holds (empty without one). */
    public List<Credential> passkeys() {
        return authenticator == null ? List.of() : authenticator.getCredentials();
    }

    public void open(String url) {
        driver.get(url);
    }

    /**
     * Saves a PNG of the whole page (the window is stretched to the document's height for the shot, so buttons below
     * the fold are in the picture), creating directories as needed, and returns its path.
     */
    public Path screenshot(Path file) {
        Dimension window = driver.manage().window().getSize();
        Number height = (Number) driver.executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
        try {
            driver.manage().window().setSize(new Dimension(window.getWidth(),
                    Math.max(window.getHeight(), height.intValue() + 120)));
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    /** The page's console output since the last call (errors a failing test should show). */
    public String consoleMessages() {
        StringBuilder out = new StringBuilder();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            out.append(entry.getLevel()).append(' ').append(entry.getMessage()).append('\n');
        }
        return out.toString();
    }

    /** Waits up to 30 s for the element to be clickable (see {@link #await}). */
    public WebElement awaitClickable(By locator) {
        return await(ExpectedConditions.elementToBeClickable(locator), "No clickable " + locator);
    }

    /**
     * Waits up to 30 s until the page shows {@code text}: after a form post whose answer has the same elements as the
     * page before (a code page re-shown with an error), an element alone does not tell the new page from the old.
     */
    public void awaitText(String text) {
        await(d -> visibleText().contains(text), "No \"" + text + "\"");
    }

    /** Both waits above: 30 s; a failure shows where the browser is and what the user sees. */
    private <T> T await(java.util.function.Function<? super WebDriver, T> condition, String missing) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError(missing + " at " + driver.getCurrentUrl() + ", showing:\n" + visibleText()
                    + "\nconsole:\n" + consoleMessages(), e);
        }
    }

    /** Types the user's username and password into Keycloak's login form, if that is the page shown. */
    public void signInIfAsked(TestUser user) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElement(By.tagName("body")) != null);
        if (!driver.findElements(By.id("username")).isEmpty()) {
            signIn(user);
        }
    }

    /** Waits for Keycloak's login form and signs in with the user's password. */
    public void signIn(TestUser user) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user.username());
        driver.findElement(By.id("password")).sendKeys(user.password());
        driver.findElement(By.id("kc-login")).click();
    }

    /**
     * Waits for either Keycloak's OTP form or {@code next}; if the OTP form came (a new device steps up), types an
     * unspent code of the user's authenticator app and submits it. Then {@code next} is expected.
     */
    public void answerOtpIfAsked(TestUser user, By next) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        By otp = By.id("otp");
        wait.until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(otp),
                ExpectedConditions.presenceOfElementLocated(next)));
        if (driver.findElements(next).isEmpty() && user.hasOtp()) {
            driver.findElement(otp).sendKeys(Totp.unspentCode(user.otpSecret(), 0, Totp.PERIOD_SECONDS,
                    -Totp.PERIOD_SECONDS));
            driver.findElement(By.id("kc-login")).click();
        }
    }

    /** What the user sees on the page (the body's rendered text). */
    public String visibleText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The text of an open alert/confirm/prompt, if one is showing. */
    public Optional<String> openDialog() {
        try {
            return Optional.of(driver.switchTo().alert().getText());
        } catch (NoAlertPresentException e) {
            return Optional.empty();
        }
    }

    /**
     * Waits until Keycloak redirects the browser to the app's redirect URI ({@code com.example.wallet:/...}) and
     * returns it. Chromium refuses to navigate to the custom scheme, so the URI is read from the 302's Location header
     * in the browser's network log.
     */
    public URI awaitAppRedirect(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
                Optional<URI> redirect = appRedirectIn(entry.getMessage());
                if (redirect.isPresent()) {
                    replaceTab();
                    return redirect.get();
                }
            }
            sleep(200);
        }
        throw new AssertionError("No redirect to " + APP_SCHEME + " within " + timeout + "; browser is at "
                + driver.getCurrentUrl() + openDialog().map(d -> " with a dialog: " + d).orElse("") + ", showing:\n"
                + visibleText() + "\nconsole:\n" + consoleMessages());
    }

    /**
     * After a navigation to a custom scheme Chromium keeps an "open external application?" prompt on the tab, and the
     * tab ignores all later input, so the next step continues in a fresh tab of the same profile (cookies kept), as a
     * phone's app would open a new browser tab; the virtual authenticator's passkeys move along with it.
     */
    private void replaceTab() {
        String pageHost = authenticator == null ? null : URI.create(driver.getCurrentUrl()).getHost();
        List<Credential> passkeys = passkeys().stream().map(p -> PasskeyCopy.of(p, pageHost)).toList();
        String previous = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        String fresh = driver.getWindowHandle();
        driver.switchTo().window(previous).close();
        driver.switchTo().window(fresh);
        if (authenticator != null) {
            addPlatformAuthenticator();
            passkeys.forEach(authenticator::addCredential);
        }
    }

    private static Optional<URI> appRedirectIn(String message) {
        if (!message.contains(APP_SCHEME)) {
            return Optional.empty();
        }
        JsonNode params = Json.parse(message).path("message").path("params");
        return Stream.of(params.path("request").path("url"), params.path("redirectResponse").path("headers")
                                .path("Location"), params.path("redirectResponse").path("headers").path("location"),
                        params.path("headers").path("location"), params.path("headers").path("Location"))
                .filter(JsonNode::isTextual).map(JsonNode::asText).filter(u -> u.startsWith(APP_SCHEME))
                .findFirst().map(URI::create);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // A leftover temp profile is harmless; the test outcome matters more.
            }
        }
    }
}
