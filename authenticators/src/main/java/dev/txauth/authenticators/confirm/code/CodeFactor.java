package dev.txauth.authenticators.confirm.code;

import dev.txauth.controls.settings.Setting;
import dev.txauth.controls.settings.SettingsStore;
import dev.txauth.controls.settings.TxauthSettings;
import dev.txauth.sms.SmsDispatcherFactory;
import dev.txauth.sms.SmsMessage;
import dev.txauth.sms.SmsOutcome;
import dev.txauth.sms.phone.E164Number;
import dev.txauth.sms.text.PaymentSmsText;
import dev.txauth.transactions.TransactionRecord;
import dev.txauth.transactions.code.CodeStore;
import dev.txauth.transactions.detail.PaymentDetail;
import dev.txauth.transactions.detail.PaymentDisplay;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The SMS / email code factor (docs/api.md §9): sends a code bound to one subject — a transaction, or a phone
 * verification — within the realm's caps ({@link Setting}{@code .SMS_*}, the one source of them), and takes it back
 * once. The code leaves this class only in the message to the user; what is stored is its hash ({@link CodeSecrets}).
 * A wrong code is the caller's business: on the confirm step it goes through the transaction's failure count like a
 * wrong TOTP code.
 */
public final class CodeFactor {

    private static final Logger LOG = Logger.getLogger(CodeFactor.class);
    private static final SecureRandom NONCES = new SecureRandom();

    private CodeFactor() {
    }

    /**
     * What a code is bound to: {@code id} (a transaction id, or {@code phone:<auth session>}), the nonce its hash is
     * keyed with, and the last second it may be valid.
     */
    public record Subject(String id, String nonce, long notAfter) {
        static Subject of(TransactionRecord record) {
            return new Subject(record.id(), record.nonce(), record.expiresAt());
        }

        /**
         * A code bound to this authentication, not to a transaction: {@code <purpose>:<auth session>}
         * ({@code phone}, {@code login}). Its nonce is made on first use and kept in an auth note, so it keys the
         * code's hash as a transaction's nonce does, and a code of another authentication can never match.
         */
        public static Subject ofAuthentication(AuthenticationSessionModel authSession, String purpose) {
            String note = "txauth." + purpose + ".nonce";
            String nonce = authSession.getAuthNote(note);
            if (nonce == null) {
                byte[] bytes = new byte[32];
                NONCES.nextBytes(bytes);
                nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                authSession.setAuthNote(note, nonce);
            }
            return new Subject(purpose + ":" + authSession.getParentSession().getId(), nonce, Long.MAX_VALUE);
        }
    }

    /** Puts the code in front of the user; false when it could not be delivered. */
    @FunctionalInterface
    public interface Delivery {
        boolean deliver(String code, long lifetimeSeconds);
    }

    /** What a send request led to: sent; refused by a cap ({@code retryAfterSeconds} null = not for this subject); not deliverable. */
    public sealed interface Sent {
        record Done(CodeChannel channel) implements Sent {
        }

        record Capped(SendCaps.Reason reason, Long retryAfterSeconds) implements Sent {
        }

        record Unavailable() implements Sent {
        }
    }

    /** A code for this transaction, to the user's verified phone or email, in a message naming the payment. */
    public static Sent send(KeycloakSession session, RealmModel realm, UserModel user, TransactionRecord record,
                            PaymentDetail detail, CodeChannel channel) {
        CodeOffer offer = CodeOffer.of(session, realm, user);
        Optional<String> destination = offer.destination(channel);
        if (destination.isEmpty()) {
            return new Sent.Unavailable();
        }
        Delivery delivery = channel == CodeChannel.SMS
                ? (code, lifetime) -> sms(session, offer.phone(), paymentText(detail, code))
                : (code, lifetime) -> CodeEmail.send(session, realm, user, detail, code, lifetime);
        return send(session, realm, user, Subject.of(record), channel, destination.get(), delivery);
    }

    /** A code for any subject, to {@code destination} (E.164 or address, as the destination cap counts it). */
    public static Sent send(KeycloakSession session, RealmModel realm, UserModel user, Subject subject,
                            CodeChannel channel, String destination, Delivery delivery) {
        TxauthSettings settings = SettingsStore.read(realm);
        SendCaps caps = new SendCaps(settings.whole(Setting.SMS_RESEND_COOLDOWN_SECONDS),
                settings.whole(Setting.SMS_SENDS_PER_TRANSACTION), settings.whole(Setting.SMS_PER_USER_PER_HOUR),
                settings.whole(Setting.SMS_PER_DESTINATION_PER_DAY));
        String destinationHash = CodeSecrets.destinationHash(channel, destination);
        CodeStore store = new CodeStore(session);
        store.lockSends(user.getId(), destinationHash);
        long now = Time.currentTime();
        Optional<SendCaps.Capped> capped = caps.check(store.sentForTransaction(realm.getId(), subject.id()),
                store.sentToUser(realm.getId(), user.getId(), channel.factor(), now - SendCaps.HOUR),
                store.sentToDestination(realm.getId(), destinationHash, now - SendCaps.DAY), now);
        if (capped.isPresent()) {
            CodeMetrics.capped(channel, capped.get().reason());
            LOG.debugf("txauth code not sent realm=%s user=%s channel=%s: cap %s", realm.getName(), user.getId(),
                    channel.factor(), capped.get().reason().tag());
            Long retryAt = capped.get().retryAt();
            return new Sent.Capped(capped.get().reason(), retryAt == null ? null : Math.max(1, retryAt - now));
        }
        String code = CodeSecrets.newCode(settings.whole(Setting.SMS_CODE_LENGTH));
        long expiresAt = Math.min(now + settings.whole(Setting.SMS_CODE_LIFETIME_SECONDS), subject.notAfter());
        if (!delivery.deliver(code, expiresAt - now)) {
            return new Sent.Unavailable();
        }
        store.insert(new CodeStore.CodeRow(UUID.randomUUID().toString(), realm.getId(), subject.id(), user.getId(),
                channel.factor(), destinationHash, CodeSecrets.codeHash(subject.nonce(), channel, code), now,
                expiresAt));
        LOG.debugf("txauth code sent realm=%s user=%s channel=%s", realm.getName(), user.getId(), channel.factor());
        return new Sent.Done(channel);
    }

    /** True once: the transaction's newest code of this channel, unexpired and unused, equals {@code code}. */
    public static boolean verify(KeycloakSession session, RealmModel realm, TransactionRecord record,
                                 CodeChannel channel, String code) {
        return verify(session, realm, Subject.of(record), channel, code);
    }

    public static boolean verify(KeycloakSession session, RealmModel realm, Subject subject, CodeChannel channel,
                                 String code) {
        int length = SettingsStore.read(realm).whole(Setting.SMS_CODE_LENGTH);
        return CodeSecrets.wellFormed(code, length) && new CodeStore(session).use(realm.getId(), subject.id(),
                channel.factor(), CodeSecrets.codeHash(subject.nonce(), channel, code), Time.currentTime());
    }

    /** Through the failover chain; true when a gateway took it. */
    public static boolean sms(KeycloakSession session, E164Number to, String text) {
        return SmsDispatcherFactory.dispatcher(session).send(new SmsMessage(to, text)) instanceof SmsOutcome.Sent;
    }

    private static String paymentText(PaymentDetail detail, String code) {
        String account = detail.identification();
        return new PaymentSmsText(new BigDecimal(detail.amount()), detail.currency(), detail.creditorName(),
                detail.bankCode() == null ? null : PaymentDisplay.bank(detail),
                account.substring(account.length() - 4), code).render();
    }
}
