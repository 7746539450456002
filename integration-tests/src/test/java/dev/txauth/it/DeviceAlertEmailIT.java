package dev.txauth.it;

import dev.txauth.testkit.client.AdminClient;
import dev.txauth.testkit.risk.DeviceRiskSupport;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import dev.txauth.testkit.users.WithTotp;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.txauth.testkit.risk.DeviceRiskSupport.newLoginSameDevice;
import static dev.txauth.testkit.risk.DeviceRiskSupport.randomIp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The new-device alert, captured by a local SMTP server the realm is pointed at for the duration of each test. */
@TxauthKeycloakTest
class DeviceAlertEmailIT {

    private final TxauthServer server;
    private final DeviceRiskSupport risk;
    private GreenMail mail;

    DeviceAlertEmailIT(TxauthServer server, DeviceRiskSupport risk) {
        this.server = server;
        this.risk = risk;
    }

    @BeforeEach
    void smtp() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        setSmtp(Map.of("host", "127.0.0.1", "port", Integer.toString(port), "from", "security@payments.test",
                "fromDisplayName", "Payments security"));
    }

    @AfterEach
    void noSmtp() {
        setSmtp(Map.of());
        mail.stop();
    }

    @Test
    void newDeviceSendsOneAlertWithTheDeviceLabel(@WithTotp TestUser user) throws Exception {
        var browser = risk.browser(randomIp());
        risk.loginWithOtp(browser, user, 0);

        assertTrue(mail.waitForIncomingEmail(15_000, 1), "no alert email");
        MimeMessage[] received = mail.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage alert = received[0];
        assertEquals(user.username() + "@example.test", alert.getAllRecipients()[0].toString());
        assertEquals("New device on your Payments account", alert.getSubject());
        String body = GreenMailUtil.getBody(alert);
        assertTrue(body.contains("Firefox on Linux"), body);

        newLoginSameDevice(browser);
        assertTrue(risk.password(browser, user, Map.of()).isAppRedirect());
        DeviceRiskSupport.sleep(1_000);
        assertEquals(1, mail.getReceivedMessages().length, "a known device sends no new alert");
    }

    @Test
    void alertIsInTheUsersLanguage(@WithTotp TestUser user) throws Exception {
        Map<String, Object> rep = new HashMap<>(Map.of("attributes", Map.of("locale", List.of("fr")),
                "email", user.username() + "@example.test", "firstName", "Test", "lastName", "User"));
        AdminClient.Response r = server.admin().put("/admin/realms/payments/users/" + user.id(), rep);
        assertEquals(204, r.status(), r.body());

        risk.loginWithOtp(risk.browser(randomIp()), user, 0);

        assertTrue(mail.waitForIncomingEmail(15_000, 1), "no alert email");
        MimeMessage alert = mail.getReceivedMessages()[0];
        assertEquals("Nouvel appareil sur votre compte Payments", alert.getSubject());
        assertTrue(GreenMailUtil.getBody(alert).contains("Firefox on Linux"));
    }

    @Test
    void alertCanBeSwitchedOff() throws Exception {
        String configPath = trustConfigPath();
        AdminClient.Response before = server.admin().get(configPath);
        Map<String, Object> off = new HashMap<>(Map.of("alias", "txauth-device-trust-step-up",
                "config", Map.of("new-device-email", "false")));
        off.put("id", before.json().path("id").asText());
        assertEquals(204, server.admin().put(configPath, off).status());
        try {
            TestUser user = TestUsers.withOtp(server, "quiet");
            risk.loginWithOtp(risk.browser(randomIp()), user, 0);
            assertEquals(1, risk.deviceRows(user.id()).size());
            DeviceRiskSupport.sleep(1_500);
            assertEquals(0, mail.getReceivedMessages().length);
        } finally {
            Map<String, Object> on = new HashMap<>(off);
            on.put("config", Map.of("new-device-email", "true"));
            assertEquals(204, server.admin().put(configPath, on).status());
        }
    }

    private String trustConfigPath() {
        var executions = server.admin().get("/admin/realms/payments/authentication/flows/"
                + "txauth%20risk%20-%20step-up/executions").json();
        for (var e : executions) {
            if ("txauth-device-trust".equals(e.path("providerId").asText())) {
                return "/admin/realms/payments/authentication/config/" + e.path("authenticationConfig").asText();
            }
        }
        throw new AssertionError("no txauth-device-trust in the step-up flow: " + executions);
    }

    private void setSmtp(Map<String, String> smtp) {
        AdminClient.Response r = server.admin().put("/admin/realms/payments", Map.of("smtpServer", smtp));
        assertEquals(204, r.status(), r.body());
    }
}
