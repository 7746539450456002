package dev.txauth.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.txauth.testkit.client.AdminClient;
import dev.txauth.testkit.server.TxauthServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A local SMTP server (GreenMail) the realm sends its mail to during each test: register it with
 * {@code @RegisterExtension final RealmMailbox mailbox = new RealmMailbox(server);}.
 */
final class RealmMailbox implements BeforeEachCallback, AfterEachCallback {

    private final TxauthServer server;
    private GreenMail mail;

    RealmMailbox(TxauthServer server) {
        this.server = server;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        smtp(Map.of("host", "127.0.0.1", "port", Integer.toString(port), "from", "security@payments.test",
                "fromDisplayName", "Payments security"));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        smtp(Map.of());
        mail.stop();
    }

    /** Waits for the {@code count}-th message and returns all received so far. */
    MimeMessage[] await(int count) {
        assertTrue(mail.waitForIncomingEmail(15_000, count), "expected " + count + " email(s), got "
                + mail.getReceivedMessages().length);
        return mail.getReceivedMessages();
    }

    /** The first message with this subject, waiting for it (other alerts, e.g. new device, may come too). */
    MimeMessage awaitSubject(String subject) {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage message : mail.getReceivedMessages()) {
                try {
                    if (subject.equals(message.getSubject())) {
                        return message;
                    }
                } catch (jakarta.mail.MessagingException e) {
                    throw new AssertionError(e);
                }
            }
            mail.waitForIncomingEmail(500, mail.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no email with subject '" + subject + "' among " + mail.getReceivedMessages().length);
    }

    MimeMessage[] received() {
        return mail.getReceivedMessages();
    }

    static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message);
    }

    private void smtp(Map<String, String> smtp) {
        AdminClient.Response r = server.admin().put("/admin/realms/payments", Map.of("smtpServer", smtp));
        assertEquals(204, r.status(), r.body());
    }
}
