package dev.txauth.testkit.client;

import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.Totp;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a mobile app's system browser does at the authorization endpoint, over real HTTP: the authorization request
 * with PKCE, Keycloak's login pages walked form by form with cookies kept like a browser, up to the redirect back to
 * the app. The app's own calls to the token endpoint are {@link #tokens()}. Each instance is also the installed app
 * with its DPoP key (docs/api.md §8): its authorization requests carry {@code dpop_jkt}, its token requests a proof.
 */
public final class AuthorizationClient {

    public static final String MOBILE_APP = "mobile-app";
    public static final String MOBILE_REDIRECT = "com.example.wallet:/oauth2redirect";

    /** Source of distinct client addresses in 10.0.0.0/8, one per browser. */
    private static final AtomicInteger NEXT_CLIENT = new AtomicInteger(1);

    private final String realmUrl;
    private final BrowserCookies cookies = new BrowserCookies();
    private final HttpClient http;
    private final Map<String, String> headers = new ConcurrentHashMap<>();
    private volatile DpopKey dpop = DpopKey.TEST_PHONE;

    /**
     * A new phone: its own cookie jar and its own client address. Every test browser comes from its own IP (sent as
     * X-Forwarded-For, which the test server trusts from loopback), as real users do: otherwise the device-risk
     * per-IP failure signal would add up every test's wrong passwords against 127.0.0.1 and deny unrelated tests.
     */
    public AuthorizationClient(String realmUrl) {
        this.realmUrl = realmUrl;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        int n = NEXT_CLIENT.getAndIncrement();
        forwardedFor("10." + (n >> 16 & 0xff) + "." + (n >> 8 & 0xff) + "." + (n & 0xff));
    }

    /** The address Keycloak sees for this browser (and stores in events). */
    public String clientIp() {
        return headers.get("X-Forwarded-For");
    }

    /**
     * Every later request carries {@code X-Forwarded-For: ip}: the server trusts it from loopback (as behind a
     * reverse proxy), so this browser appears to come from {@code ip}.
     */
    public AuthorizationClient forwardedFor(String ip) {
        headers.put("X-Forwarded-For", ip);
        return this;
    }

    /** Every later request carries this User-Agent. */
    public AuthorizationClient userAgent(String userAgent) {
        headers.put("User-Agent", userAgent);
        return this;
    }

    /**
     * Every later request carries this header (replacing an earlier value): for instance the cluster test front's
     * node choice ({@code TxauthClusterNode.pin}).
     */
    public AuthorizationClient header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** This app instance's DPoP key. */
    public DpopKey dpop() {
        return dpop;
    }

    /**
     * From now on this app proves {@code key} (same browser cookies): another phone, the app reinstalled, or a test
     * presenting another key than the one it bound. Without it, every client is the app on {@link DpopKey#TEST_PHONE}.
     */
    public AuthorizationClient useDpopKey(DpopKey key) {
        this.dpop = key;
        return this;
    }

    /** Sends an API call with this app's DPoP-bound access token: {@code Authorization: DPoP} and a proof with {@code ath}. */
    public HttpResponse<String> sendWithToken(HttpRequest.Builder request, String accessToken) {
        HttpRequest probe = request.copy().build();
        return send(dpop.authorize(request, probe.method(), probe.uri(), accessToken));
    }

    public BrowserCookies cookies() {
        return cookies;
    }

    public String realmUrl() {
        return realmUrl;
    }

    /** Standard authorization request for mobile-app with PKCE S256; {@code extra} adds or overrides parameters. */
    public Map<String, String> authorizationParameters(Pkce pkce, Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", MOBILE_APP);
        params.put("redirect_uri", MOBILE_REDIRECT);
        params.put("response_type", "code");
        params.put("scope", "openid");
        params.put("state", "st-" + System.nanoTime());
        params.put("nonce", "n-" + System.nanoTime());
        params.put("dpop_jkt", dpop.thumbprint());
        if (pkce != null) {
            params.put("code_challenge", pkce.challenge());
            params.put("code_challenge_method", "S256");
        }
        params.putAll(extra);
        params.values().removeIf(v -> v == null);
        return params;
    }

    /** The authorization request as a URL, for a real browser to open. */
    public String authorizationUrl(Pkce pkce, Map<String, String> extra) {
        return realmUrl + "/protocol/openid-connect/auth?" + HttpForms.encode(authorizationParameters(pkce, extra));
    }

    /** Opens the authorization endpoint as the system browser would, following redirects within Keycloak. */
    public Page authorize(Map<String, String> parameters) {
        return navigate(URI.create(realmUrl + "/protocol/openid-connect/auth?" + HttpForms.encode(parameters)));
    }

    /** Fills and submits a form of the current page (hidden inputs kept), following redirects. */
    public Page submit(Page page, String formSelector, Map<String, String> fields) {
        Element form = page.form(formSelector).orElseThrow(() -> new AssertionError(
                "No " + formSelector + " on " + page.uri() + ":\n" + Json.abbreviate(page.document().text())));
        Map<String, String> values = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            String type = input.attr("type");
            if (!type.equals("submit") && !type.equals("checkbox") && !type.equals("radio")) {
                values.put(input.attr("name"), input.val());
            }
        }
        values.putAll(fields);
        URI action = URI.create(form.absUrl("action"));
        return post(action, HttpForms.encode(values));
    }

    /** Keycloak's username + password form. */
    public static final String LOGIN_FORM = "form#kc-form-login";

    /** The usual username + password step on Keycloak's login form. */
    public Page submitPassword(Page loginPage, String username, String password) {
        return submit(loginPage, LOGIN_FORM, Map.of("username", username, "password", password,
                "credentialId", ""));
    }

    /**
     * Full login of mobile-app with PKCE as this user: password, then the TOTP code if Keycloak asks for a second
     * factor and the user has an authenticator app. Returns where the browser ended up.
     */
    public Page login(TestUser user, Pkce pkce, Map<String, String> extra) {
        Page page = authorize(authorizationParameters(pkce, extra));
        if (page.isAppRedirect()) {
            return page;
        }
        return passSecondFactor(submitPassword(page, user.username(), user.password()), user);
    }

    /**
     * If Keycloak asks for the second factor (acr_values=mfa, or a device-risk step-up on a new device), answers it
     * the way this user can: the authenticator app with a code not used before, or the passkey on Keycloak's own
     * WebAuthn page. Otherwise returns the page unchanged.
     */
    public Page passSecondFactor(Page page, TestUser user) {
        if (page.isAppRedirect()) {
            return page;
        }
        if (user.hasOtp() && page.form(OTP_FORM).isPresent()) {
            return submitOtp(page, Totp.unspentCode(user.otpSecret(), 0, Totp.PERIOD_SECONDS, -Totp.PERIOD_SECONDS));
        }
        if (user.hasPasskey() && page.form(WEBAUTHN_FORM).isPresent()) {
            Matcher challenge = WEBAUTHN_CHALLENGE.matcher(page.body());
            if (!challenge.find()) {
                throw new AssertionError("No challenge on Keycloak's WebAuthn page " + page.uri());
            }
            URI realm = URI.create(realmUrl);
            return submit(page, WEBAUTHN_FORM, user.passkey().assertion(Base64.getUrlDecoder().decode(
                    challenge.group(1)), origin(), realm.getHost(), user.id()));
        }
        return page;
    }

    /** {@code scheme://host:port} of Keycloak: the WebAuthn origin a browser on its pages reports. */
    public String origin() {
        URI realm = URI.create(realmUrl);
        return realm.getScheme() + "://" + realm.getAuthority();
    }

    /** Keycloak's own WebAuthn login page (second factor), and where its script holds the challenge. */
    public static final String WEBAUTHN_FORM = "form#webauth";
    private static final Pattern WEBAUTHN_CHALLENGE = Pattern.compile("challenge\\s*:\\s*\"([A-Za-z0-9_-]+)\"");

    /** Keycloak's own OTP form (second factor at login). */
    public static final String OTP_FORM = "form#kc-otp-login-form";

    public Page submitOtp(Page otpPage, String code) {
        return submit(otpPage, OTP_FORM, Map.of("otp", code));
    }

    public Page navigate(URI uri) {
        return follow(send(HttpRequest.newBuilder(uri).GET()));
    }

    private Page post(URI uri, String form) {
        return follow(send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))));
    }

    private Page follow(HttpResponse<String> response) {
        for (int hops = 0; hops < 20; hops++) {
            int status = response.statusCode();
            if (status < 300 || status >= 400) {
                return new Page(status, response.uri(), response.body(), null);
            }
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            if (!next.getScheme().startsWith("http")) {
                return new Page(status, response.uri(), response.body(), next);
            }
            response = send(HttpRequest.newBuilder(next).GET());
        }
        throw new IllegalStateException("Too many redirects");
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        headers.forEach(request::setHeader);
        return Http.send(http, request);
    }

    /** The token endpoint, reached over this client's connection (same client address and headers). */
    public TokenClient tokens() {
        return new TokenClient(realmUrl, this::send, this::dpop);
    }
}
