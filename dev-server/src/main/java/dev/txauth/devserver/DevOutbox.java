package dev.txauth.devserver;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The dev server's outbox (docs/api.md §9, docs/sms.md): without a configured SMS gateway every SMS is appended to
 * {@code .txauth/outbox/sms.jsonl} by the {@code outbox} provider, and every email Keycloak sends goes to an embedded
 * SMTP server (GreenMail) and is kept as {@code .txauth/outbox/email/<time>-<n>.eml} — so Keycloak's real email path
 * runs and a newcomer finds their code on disk. The realm's SMTP settings point at it only here, set through the
 * admin API at start: the realm file itself has none.
 */
final class DevOutbox implements AutoCloseable {

    static final String ORDER_ENV = "KC_SPI_TXAUTH_SMS_SENDER__FAILOVER__ORDER";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path directory;
    private final GreenMail smtp;
    private final Thread writer;

    private DevOutbox(Path directory, GreenMail smtp) {
        this.directory = directory;
        this.smtp = smtp;
        this.writer = new Thread(this::keepMails, "txauth-dev-outbox");
        writer.setDaemon(true);
        writer.start();
    }

    static DevOutbox start(Path state) {
        Path directory = state.resolve("outbox");
        try {
            Files.createDirectories(directory.resolve("email"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GreenMail smtp = new GreenMail(new ServerSetup(FreePort.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return new DevOutbox(directory, smtp);
    }

    Path smsFile() {
        return directory.resolve("sms.jsonl");
    }

    Path emailDirectory() {
        return directory.resolve("email");
    }

    /** The outbox SMS sender, unless the developer configured gateways of their own. */
    List<String> serverOptions(Map<String, String> env) {
        if (env.containsKey(ORDER_ENV)) {
            return List.of();
        }
        return List.of("--spi-txauth-sms-sender--failover--order=outbox",
                "--spi-txauth-sms-sender--outbox--file=" + smsFile());
    }

    /** Points the payments realm's SMTP settings at the embedded server (dev only). */
    void configureRealm(DevRealmAdmin admin) {
        com.fasterxml.jackson.databind.node.ObjectNode realm = DevRealmAdmin.JSON.createObjectNode();
        realm.putObject("smtpServer").put("host", "127.0.0.1").put("port", String.valueOf(smtp.getSmtp().getPort()))
                .put("from", "security@payments.localhost").put("fromDisplayName", "Payments (dev outbox)");
        admin.put("", realm, "realm SMTP settings");
    }

    /** Writes each received mail once, as an .eml file a mail client (or less) opens. */
    private void keepMails() {
        int written = 0;
        while (!Thread.currentThread().isInterrupted()) {
            MimeMessage[] received = smtp.getReceivedMessages();
            for (; written < received.length; written++) {
                Path file = emailDirectory().resolve(FILE_TIME.format(LocalDateTime.now()) + "-" + (written + 1)
                        + ".eml");
                try (OutputStream out = Files.newOutputStream(file)) {
                    received[written].writeTo(out);
                } catch (IOException | MessagingException e) {
                    System.err.println("Dev outbox: could not write " + file + ": " + e.getMessage());
                }
            }
            smtp.waitForIncomingEmail(1000, written + 1);
        }
    }

    @Override
    public void close() {
        writer.interrupt();
        smtp.stop();
    }
}
