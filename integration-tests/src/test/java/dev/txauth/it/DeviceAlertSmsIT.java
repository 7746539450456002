package dev.txauth.it;

import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.DpopKey;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.database.AuditTable;
import dev.txauth.testkit.server.SmsGatewayStub;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Story (docs/api.md §8, §9): the user hears of a new device by text message too, when they have a verified phone —
 * the browser that just passed a second factor, and the app moved to another phone (the bind page's "bind"). Each
 * alert is one GSM-7 SMS through the real {@code http} gateway (the testkit's stub), never a code, and never the
 * full number in the server log; without a verified phone no SMS goes out at all.
 */
@TxauthKeycloakTest
class DeviceAlertSmsIT {

    private static final String NEW_PHONE = "Payments: your app is now on a new phone and the old phone was signed out."
            + " Not you? Call your bank now.";

    private final TxauthServer server;
    private final SmsGatewayStub gateway;
    private final AuditTable audit;

    DeviceAlertSmsIT(TxauthServer server, AuditTable audit) {
        this.server = server;
        this.gateway = server.smsGateway();
        this.audit = audit;
    }

    @Test
    void movingTheAppToANewPhoneSendsTheNewPhoneAlertOnce() throws Exception {
        TestUser user = TestUsers.user(server, "sms-rebind").totp().phone("+2349065550041", true).create();
        BindPage bindPage = bindPageOnANewPhone(user);
        assertEquals(List.of(), newPhoneAlerts("+2349065550041"), "nothing is said before the user binds");

        bindPage.answer("bind");
        audit.awaitRow(user.id(), "TXAUTH_DEVICE_UNBOUND");

        List<SmsGatewayStub.Request> alerts = newPhoneAlerts("+2349065550041");
        assertEquals(1, alerts.size(), gateway.to("+2349065550041").toString());
        assertEquals(NEW_PHONE, alerts.get(0).text());
        assertEquals(gateway.expectedAuthorization(), alerts.get(0).authorization());
        List<SmsGatewayStub.Request> everyAlert = gateway.to("+2349065550041").stream()
                .filter(r -> r.text().endsWith("Not you? Call your bank now.")).toList();
        assertEquals(2, everyAlert.size(), "the new browser device, then the new phone: " + everyAlert);
        assertTrue(everyAlert.stream().noneMatch(r -> r.text().matches(".*[0-9]{4,}.*")),
                "an alert carries no code: " + everyAlert);
        String log = Files.readString(server.logFile());
        assertFalse(log.contains("2349065550041"), "the full number is never logged");
    }

    @Test
    void cancellingOnTheBindPageSendsNoNewPhoneAlert() {
        TestUser user = TestUsers.user(server, "sms-cancel").totp().phone("+2349065550042", true).create();
        bindPageOnANewPhone(user).answer("cancel");
        WebhookInbox.sleep(1_000);
        assertEquals(List.of(), newPhoneAlerts("+2349065550042"));
    }

    @Test
    void signingInOnANewBrowserDeviceSendsTheNewDeviceAlert() {
        TestUser user = TestUsers.user(server, "sms-browser").totp().phone("+2349065550043", true).create();
        assertTrue(server.newBrowser().login(user, Pkce.s256(), Map.of()).isAppRedirect());
        List<SmsGatewayStub.Request> sms = gateway.to("+2349065550043");
        assertEquals(1, sms.size(), sms.toString());
        assertTrue(sms.get(0).text().startsWith("Payments: a new device ("), sms.get(0).text());
        assertTrue(sms.get(0).text().endsWith(" can now sign in to your account. Not you? Call your bank now."));
    }

    @Test
    void withoutAVerifiedPhoneNoAlertGoesBySms() {
        TestUser unverified = TestUsers.user(server, "sms-unverified").totp().phone("+2349065550044", false).create();
        bindPageOnANewPhone(unverified).answer("bind");
        audit.awaitRow(unverified.id(), "TXAUTH_DEVICE_UNBOUND");
        WebhookInbox.sleep(1_000);
        assertEquals(List.of(), gateway.to("+2349065550044"), "an unverified number gets nothing");

        TestUser noPhone = TestUsers.withOtp(server, "sms-nophone");
        int before = gateway.requests().size();
        bindPageOnANewPhone(noPhone).answer("bind");
        audit.awaitRow(noPhone.id(), "TXAUTH_DEVICE_UNBOUND");
        WebhookInbox.sleep(1_000);
        assertEquals(before, gateway.requests().size(), "a user without a phone: no SMS to anyone");
    }

    /** The app on another phone, showing the bind page. */
    private record BindPage(AuthorizationClient phone, Page page) {
        void answer(String button) {
            phone.submit(page, DeviceBindingIT.BIND_FORM, Map.of(button, button));
        }
    }

    /** Password and second factor on a phone with a fresh key: the bind page (the user's old phone is bound). */
    private BindPage bindPageOnANewPhone(TestUser user) {
        AuthorizationClient newPhone = server.newBrowser().useDpopKey(DpopKey.generate());
        Page page = newPhone.login(user, Pkce.s256(), Map.of());
        assertTrue(page.form(DeviceBindingIT.BIND_FORM).isPresent(), page.body());
        return new BindPage(newPhone, page);
    }

    private List<SmsGatewayStub.Request> newPhoneAlerts(String to) {
        return gateway.to(to).stream().filter(r -> r.text().contains("new phone")).toList();
    }
}
