package dev.txauth.it;

import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.DpopKey;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.database.KeycloakTables;
import dev.txauth.testkit.risk.DeviceRiskSupport;
import dev.txauth.testkit.server.SmsGatewayStub;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.WithPhone;
import dev.txauth.testkit.users.WithTotp;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.txauth.testkit.risk.DeviceRiskSupport.describe;
import static dev.txauth.testkit.risk.DeviceRiskSupport.randomIp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Story (docs/api.md §6, §9; docs/device-risk.md): a login from a device the user never used steps up, and the user
 * may pass it with a code by SMS to their verified phone ({@code txauth-sms-login-code}) — behind Keycloak's "Try
 * another way" when they also have an authenticator app, as the only way when the phone is all they have. The code
 * signs in once; a wrong one is a failed login for Keycloak's brute-force detection; a user without a verified phone
 * is never offered it; over a cap nothing reaches the gateway. SMS go to the real HTTP gateway on loopback.
 */
@TxauthKeycloakTest
class SmsLoginStepUpIT {

    static final String SMS_FORM = "form#txauth-sms-login-code-form";
    static final String TRY_ANOTHER_WAY = "form#kc-select-try-another-way-form";
    static final String CHOOSE_SMS = "li:has(h2:contains(Code by SMS)) form#kc-select-credential-form";
    private static final String SETTINGS = "/admin/realms/payments/txauth-settings";

    private final TxauthServer server;
    private final DeviceRiskSupport risk;
    private final SmsGatewayStub gateway;

    SmsLoginStepUpIT(TxauthServer server, DeviceRiskSupport risk) {
        this.server = server;
        this.risk = risk;
        this.gateway = server.smsGateway();
    }

    /** Presses "Send a code by SMS" and waits for the gateway to receive it. */
    private SmsGatewayStub.Request send(AuthorizationClient browser, Page smsPage, String phone, Page[] next) {
        int before = gateway.codesTo(phone).size();
        next[0] = browser.submit(smsPage, SMS_FORM, Map.of("send_sms", "send_sms"));
        SmsGatewayStub.Request sms = gateway.awaitCode(phone, before + 1);
        synchronized (AuditIntegrityIT.SECRETS_SEEN) {
            AuditIntegrityIT.SECRETS_SEEN.add(sms.code());
            AuditIntegrityIT.SECRETS_SEEN.add(phone);
        }
        return sms;
    }

    /** A login on a browser never seen, up to the page that follows the password. */
    private Page riskyLogin(AuthorizationClient browser, TestUser user, Pkce pkce) {
        Page login = browser.authorize(browser.authorizationParameters(pkce, Map.of()));
        Page next = browser.submitPassword(login, user.username(), user.password());
        assertEquals("STEP_UP", risk.lastDecision(user.id()).path("risk_decision").asText());
        return next;
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    private static String alert(Page page) {
        return page.document().select(".pf-v5-c-alert, .alert, [class*=alert]").text();
    }

    /** Keycloak records a failed login asynchronously (its own executor): waits up to 10 s for the count. */
    private int bruteForceFailures(TestUser user, int expected) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            int failures = server.admin().get("/admin/realms/payments/attack-detection/brute-force/users/"
                    + user.id()).json().path("numFailures").asInt();
            if (failures >= expected || System.currentTimeMillis() > deadline) {
                return failures;
            }
            DeviceRiskSupport.sleep(100);
        }
    }

    private int usedLoginCodes(TestUser user) throws Exception {
        try (Connection db = server.openDatabase();
             PreparedStatement q = db.prepareStatement("SELECT count(*) FROM txauth_code WHERE user_id = ?"
                     + " AND transaction_id LIKE 'login:%' AND used_at IS NOT NULL")) {
            q.setString(1, user.id());
            ResultSet rows = q.executeQuery();
            rows.next();
            return rows.getInt(1);
        }
    }

    @Nested
    class SignIn {

        @Test
        void riskyLoginOffersTheSmsCodeBehindTryAnotherWayAndTheCodeSignsIn(
                @WithTotp @WithPhone("+2348031120001") TestUser user) throws Exception {
            String phone = "+2348031120001";
            AuthorizationClient browser = risk.browser(randomIp());
            Pkce pkce = Pkce.s256();
            Page otp = riskyLogin(browser, user, pkce);
            assertTrue(otp.form(AuthorizationClient.OTP_FORM).isPresent(), "the app first: " + describe(otp));
            assertTrue(otp.form(TRY_ANOTHER_WAY).isPresent(), "another way is offered: " + describe(otp));

            Page choices = browser.submit(otp, TRY_ANOTHER_WAY, Map.of());
            assertTrue(choices.document().text().contains("Get a sign-in code by text message on your verified phone."),
                    describe(choices));
            Page smsPage = browser.submit(choices, CHOOSE_SMS, Map.of());
            assertTrue(smsPage.form(SMS_FORM).isPresent(), describe(smsPage));
            assertTrue(smsPage.form(TRY_ANOTHER_WAY).isPresent(), "and back to the app: " + describe(smsPage));
            assertTrue(smsPage.document().select("#txauth-login-code-intro").text()
                    .contains("\u2022\u2022\u2022\u2022 0001"), describe(smsPage));
            assertFalse(smsPage.body().contains(phone) || smsPage.body().contains("8031120001"),
                    "only the last 4 digits on the page");
            assertTrue(gateway.codesTo(phone).isEmpty(), "opening the page sends nothing");

            Page[] sent = new Page[1];
            SmsGatewayStub.Request sms = send(browser, smsPage, phone, sent);
            assertEquals("Your Payments sign-in code is " + sms.code() + ". Never share it.", sms.text());
            assertEquals(gateway.expectedAuthorization(), sms.authorization());
            assertTrue(sent[0].document().select("#txauth-login-code-sent").text().contains("0001"),
                    describe(sent[0]));

            Page done = browser.submit(sent[0], SMS_FORM, Map.of("otp", sms.code()));
            assertTrue(done.isAppRedirect(), describe(done));
            TokenResponse tokens = browser.tokens().exchangeCode(done.code(), pkce);
            assertEquals(200, tokens.status(), tokens.body().toString());
            assertEquals(user.id(), tokens.accessTokenClaims().path("sub").asText());
            assertEquals(1, usedLoginCodes(user), "the code is spent");
            assertEquals(1, risk.deviceRows(user.id()).size(), "the SMS code makes the browser a known device");

            DeviceRiskSupport.newLoginSameDevice(browser);
            Page again = risk.password(browser, user, Map.of());
            assertTrue(again.isAppRedirect(), "a known device is not asked again: " + describe(again));
            assertEquals(1, gateway.codesTo(phone).size());
        }

        @Test
        void aUserWhosePhoneIsTheirOnlyFactorGetsTheSmsCodeInsteadOfTotpEnrolment(
                @WithPhone("+2348031120002") TestUser user) {
            String phone = "+2348031120002";
            AuthorizationClient browser = risk.browser(randomIp());
            Page smsPage = riskyLogin(browser, user, Pkce.s256());
            assertTrue(smsPage.form(SMS_FORM).isPresent(), describe(smsPage));
            assertFalse(smsPage.form(TRY_ANOTHER_WAY).isPresent(), "nothing else to try: " + describe(smsPage));
            assertFalse(smsPage.form("form#kc-totp-settings-form").isPresent());

            Page[] sent = new Page[1];
            SmsGatewayStub.Request sms = send(browser, smsPage, phone, sent);
            Page done = browser.submit(sent[0], SMS_FORM, Map.of("otp", sms.code()));
            assertTrue(done.isAppRedirect() && done.appRedirectParameters().containsKey("code"), describe(done));
        }
    }

    @Nested
    class LevelTwo {

        /** A customer whose phone is their only factor reaches level 2 (a payment asks it first) with the SMS code. */
        @Test
        void aPhoneOnlyUserPassesLevelTwoBySms(@WithPhone("+2348031120010") TestUser user) {
            AuthorizationClient app = risk.browser(randomIp());
            Pkce pkce = Pkce.s256();
            Page done = levelTwoBySms(app, user, "+2348031120010", pkce);
            assertTrue(done.isAppRedirect() && done.appRedirectParameters().containsKey("code"), describe(done));
            TokenResponse tokens = app.tokens().exchangeCode(done.appRedirectParameters().get("code"), pkce);
            assertEquals("mfa", tokens.accessTokenClaims().path("acr").asText(), tokens.toString());
            assertEquals(List.of(app.dpop().thumbprint()), boundKeys(user), "the bound phone stays bound");
        }

        /**
         * An SMS code proves the SIM, not the app: someone with the password and a swapped SIM, on another phone's
         * app, passes level 2 by SMS but is still asked for the factor that moves the account (TOTP or a passkey,
         * §8), which a phone-only user does not have; no code is issued and the binding does not change.
         */
        @Test
        void levelTwoBySmsNeverMovesTheAccountToAnotherPhone(@WithPhone("+2348031120011") TestUser user) {
            List<String> bound = boundKeys(user);
            AuthorizationClient otherPhone = risk.browser(randomIp()).useDpopKey(DpopKey.generate());
            Page end = levelTwoBySms(otherPhone, user, "+2348031120011", Pkce.s256());
            assertFalse(end.isAppRedirect() && end.appRedirectParameters().containsKey("code"), describe(end));
            assertFalse(end.form("form#txauth-bind-form").isPresent(), "no bind page after an SMS: " + describe(end));
            assertEquals(bound, boundKeys(user), "the old phone stays the bound one");
        }

        /** Password with {@code acr_values=mfa}, then every SMS code page answered (waiting out the cooldown). */
        private Page levelTwoBySms(AuthorizationClient app, TestUser user, String phone, Pkce pkce) {
            Page page = app.submitPassword(app.authorize(app.authorizationParameters(pkce,
                    Map.of("acr_values", "mfa"))), user.username(), user.password());
            int codes = 0;
            while (page.form(SMS_FORM).isPresent() && codes < 3) {
                Page[] sent = new Page[1];
                int before = gateway.codesTo(phone).size();
                sent[0] = app.submit(page, SMS_FORM, Map.of("send_sms", "send_sms"));
                Matcher cooldown = Pattern.compile("Please wait ([0-9]+) seconds").matcher(alert(sent[0]));
                if (cooldown.find()) {
                    DeviceRiskSupport.sleep((Long.parseLong(cooldown.group(1)) + 1) * 1000);
                    page = sent[0];
                    continue;
                }
                SmsGatewayStub.Request sms = gateway.awaitCode(phone, before + 1);
                synchronized (AuditIntegrityIT.SECRETS_SEEN) {
                    AuditIntegrityIT.SECRETS_SEEN.add(sms.code());
                }
                page = app.submit(sent[0], SMS_FORM, Map.of("otp", sms.code()));
                codes++;
                DeviceRiskSupport.sleep(1_100); // the realm's quick-login check between two codes
            }
            assertTrue(codes >= 1, "level 2 offered the SMS code: " + describe(page));
            return page;
        }

        private List<String> boundKeys(TestUser user) {
            return new KeycloakTables(server).query("SELECT jkt FROM txauth_device_binding WHERE user_id = ?",
                    user.id()).stream().map(row -> (String) row.get("jkt")).toList();
        }
    }

    @Nested
    class Refusal {

        @Test
        void aWrongCodeIsRefusedAndCountsAsAFailedLogin(@WithPhone("+2348031120003") TestUser user) {
            String phone = "+2348031120003";
            AuthorizationClient browser = risk.browser(randomIp());
            Page smsPage = riskyLogin(browser, user, Pkce.s256());
            Page[] sent = new Page[1];
            SmsGatewayStub.Request sms = send(browser, smsPage, phone, sent);
            assertEquals(0, bruteForceFailures(user, 0));

            Page refused = browser.submit(sent[0], SMS_FORM, Map.of("otp", wrong(sms.code())));
            assertTrue(refused.form(SMS_FORM).isPresent(), describe(refused));
            assertFalse(refused.isAppRedirect());
            assertTrue(alert(refused).contains("That code is not valid"), alert(refused));
            assertTrue(refused.form(SMS_FORM).get().select("input[name=otp]").size() == 1, "still asks for the code");
            assertEquals(1, bruteForceFailures(user, 1), "Keycloak's brute-force detection counted it, as a wrong OTP");

            Page malformed = retry(browser, refused, "12ab");
            assertTrue(malformed.form(SMS_FORM).isPresent(), describe(malformed));
            assertEquals(2, bruteForceFailures(user, 2));

            Page done = retry(browser, malformed, sms.code());
            assertTrue(done.isAppRedirect() && done.appRedirectParameters().containsKey("code"), describe(done));
        }

        @Test
        void aCodeThatSignedInOnceIsRefusedInAnotherLogin(@WithPhone("+2348031120004") TestUser user) throws Exception {
            String phone = "+2348031120004";
            AuthorizationClient first = risk.browser(randomIp());
            Page[] sent = new Page[1];
            SmsGatewayStub.Request used = send(first, riskyLogin(first, user, Pkce.s256()), phone, sent);
            assertTrue(first.submit(sent[0], SMS_FORM, Map.of("otp", used.code())).isAppRedirect());

            DeviceRiskSupport.sleep(1_100);
            AuthorizationClient second = risk.browser(randomIp());
            SmsGatewayStub.Request fresh = send(second, riskyLogin(second, user, Pkce.s256()), phone, sent);
            Page replayed = second.submit(sent[0], SMS_FORM, Map.of("otp", used.code()));
            assertTrue(replayed.form(SMS_FORM).isPresent(), "the spent code is refused: " + describe(replayed));
            assertTrue(alert(replayed).contains("That code is not valid"), alert(replayed));

            Page done = retry(second, replayed, fresh.code());
            assertTrue(done.isAppRedirect() && done.appRedirectParameters().containsKey("code"), describe(done));
            assertEquals(2, usedLoginCodes(user));
        }

        @Test
        void aUserWithoutAVerifiedPhoneIsNeverOfferedSms(
                @WithTotp @WithPhone(value = "+2348031120005", verified = false) TestUser withApp,
                @WithPhone(value = "+2348031120006", verified = false) TestUser withoutFactor) {
            Page otp = riskyLogin(risk.browser(randomIp()), withApp, Pkce.s256());
            assertTrue(otp.form(AuthorizationClient.OTP_FORM).isPresent(), describe(otp));
            assertFalse(otp.form(TRY_ANOTHER_WAY).isPresent(), "the app is the only way: " + describe(otp));

            Page enrol = riskyLogin(risk.browser(randomIp()), withoutFactor, Pkce.s256());
            assertTrue(enrol.form("form#kc-totp-settings-form").isPresent(), "policy: enrol TOTP " + describe(enrol));
            assertFalse(enrol.form(SMS_FORM).isPresent());
            assertTrue(gateway.to("+2348031120005").isEmpty() && gateway.to("+2348031120006").isEmpty());
        }

        /** Waits out the realm's quick-login check (1 s): two failures closer than that lock the user for a minute. */
        private Page retry(AuthorizationClient browser, Page page, String code) {
            DeviceRiskSupport.sleep(1_100);
            return browser.submit(page, SMS_FORM, Map.of("otp", code));
        }
    }

    @Nested
    class Caps {

        @Test
        void aResendBeforeTheCooldownSendsNothingAndSaysWhenToTryAgain(@WithPhone("+2348031120007") TestUser user) {
            String phone = "+2348031120007";
            double cappedBefore = cappedMetric("cooldown");
            AuthorizationClient browser = risk.browser(randomIp());
            Page[] sent = new Page[1];
            SmsGatewayStub.Request sms = send(browser, riskyLogin(browser, user, Pkce.s256()), phone, sent);

            Page again = browser.submit(sent[0], SMS_FORM, Map.of("send_sms", "send_sms"));
            assertTrue(alert(again).matches(".*wait \\d+ seconds.*"), alert(again));
            assertEquals(1, gateway.codesTo(phone).size(), "the gateway saw no second request");
            assertEquals(cappedBefore + 1, cappedMetric("cooldown"), "txauth_code_capped_total counts it");
            Page done = browser.submit(again, SMS_FORM, Map.of("otp", sms.code()));
            assertTrue(done.isAppRedirect(), "the first code still works: " + describe(done));
        }

        @Test
        void noMoreThanTheSendsPerSignInAndThePerUserHourlyCap(@WithPhone("+2348031120008") TestUser user) {
            String phone = "+2348031120008";
            settings(Map.of("resend_cooldown_seconds", 1, "per_user_per_hour", 4));
            try {
                AuthorizationClient browser = risk.browser(randomIp());
                Page page = riskyLogin(browser, user, Pkce.s256());
                Page[] sent = new Page[1];
                for (int i = 0; i < 3; i++) {
                    send(browser, page, phone, sent);
                    page = sent[0];
                    DeviceRiskSupport.sleep(1_100);
                }
                Page fourth = browser.submit(page, SMS_FORM, Map.of("send_sms", "send_sms"));
                assertTrue(alert(fourth).contains("No more codes can be sent for this sign-in"), alert(fourth));
                assertEquals(3, gateway.codesTo(phone).size());

                AuthorizationClient other = risk.browser(randomIp());
                SmsGatewayStub.Request fourthOfTheHour = send(other, riskyLogin(other, user, Pkce.s256()), phone,
                        sent);
                assertNotNull(fourthOfTheHour);
                DeviceRiskSupport.sleep(1_100);
                Page capped = other.submit(sent[0], SMS_FORM, Map.of("send_sms", "send_sms"));
                assertTrue(alert(capped).matches(".*wait \\d+ minutes.*"), alert(capped));
                assertEquals(4, gateway.codesTo(phone).size(), "the gateway saw no fifth request in the hour");
            } finally {
                settings(Map.of("resend_cooldown_seconds", 30, "sends_per_transaction", 3, "per_user_per_hour", 5,
                        "per_destination_per_day", 10));
            }
        }

        private void settings(Map<String, Object> sms) {
            assertEquals(200, server.admin().put(SETTINGS, Map.of("sms", sms)).status());
        }

        private double cappedMetric(String reason) {
            String metrics = new AuthorizationClient(server.realmUrl()).send(HttpRequest.newBuilder(
                    URI.create(server.managementUrl() + "/metrics"))).body();
            Matcher m = Pattern.compile("(?m)^txauth_code_capped_total\\{(?=[^}]*channel=\"sms\")(?=[^}]*reason=\""
                    + reason + "\")[^}]*}\\s+([0-9.eE+-]+)$").matcher(metrics);
            return m.find() ? Double.parseDouble(m.group(1)) : 0;
        }
    }
}
