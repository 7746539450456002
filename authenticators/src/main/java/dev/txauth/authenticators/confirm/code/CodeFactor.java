package dev.txauth.authenticators.confirm.code;

import dev.txauth.controls.settings.Setting;
import dev.txauth.controls.settings.SettingsStore;
import dev.txauth.controls.settings.TxauthSettings;
import dev.txauth.sms.SmsDispatcherFactory;
import dev.txauth.sms.SmsMessage;
import dev.txauth.sms.SmsOutcome;
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

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/**
 * The SMS / email code factor of the confirm step (docs/api.md §9): sends a code bound to one transaction, within
 * the realm's caps ({@link Setting}{@code .SMS_*}, the one source of them), and takes it back once. The code leaves
 * this class only in the message to the user; what is stored is its hash ({@link CodeSecrets}).
 * A wrong code is the caller's business: it goes through the transaction's failure count like a wrong TOTP code.
 */
public final class CodeFactor {

    private static final Logger LOG = Logger.getLogger(CodeFactor.class);

    private CodeFactor() {
    }

    /** What a send request led to: sent; refused by a cap ({@code retryAfterSeconds} null = not for this payment); not deliverable. */
    public sealed interface Sent {
        record Done(CodeChannel channel) implements Sent {
        }

        record Capped(SendCaps.Reason reason, Long retryAfterSeconds) implements Sent {
        }

        record Unavailable() implements Sent {
        }
    }

    public static Sent send(KeycloakSession session, RealmModel realm, UserModel user, TransactionRecord record,
                            PaymentDetail detail, CodeChannel channel) {
        CodeOffer offer = CodeOffer.of(session, realm, user);
        Optional<String> destination = offer.destination(channel);
        if (destination.isEmpty()) {
            return new Sent.Unavailable();
        }
        TxauthSettings settings = SettingsStore.read(realm);
        SendCaps caps = new SendCaps(settings.whole(Setting.SMS_RESEND_COOLDOWN_SECONDS),
                settings.whole(Setting.SMS_SENDS_PER_TRANSACTION), settings.whole(Setting.SMS_PER_USER_PER_HOUR),
                settings.whole(Setting.SMS_PER_DESTINATION_PER_DAY));
        String destinationHash = CodeSecrets.destinationHash(channel, destination.get());
        CodeStore store = new CodeStore(session);
        store.lockSends(user.getId(), destinationHash);
        long now = Time.currentTime();
        Optional<SendCaps.Capped> capped = caps.check(store.sentForTransaction(realm.getId(), record.id()),
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
        long expiresAt = Math.min(now + settings.whole(Setting.SMS_CODE_LIFETIME_SECONDS), record.expiresAt());
        boolean delivered = channel == CodeChannel.SMS
                ? sms(session, offer, detail, code)
                : CodeEmail.send(session, realm, user, detail, code, expiresAt - now);
        if (!delivered) {
            return new Sent.Unavailable();
        }
        store.insert(new CodeStore.CodeRow(UUID.randomUUID().toString(), realm.getId(), record.id(), user.getId(),
                channel.factor(), destinationHash, CodeSecrets.codeHash(record.nonce(), channel, code), now,
                expiresAt));
        LOG.debugf("txauth code sent realm=%s user=%s channel=%s", realm.getName(), user.getId(), channel.factor());
        return new Sent.Done(channel);
    }

    /** True once: the transaction's newest code of this channel, unexpired and unused, equals {@code code}. */
    public static boolean verify(KeycloakSession session, RealmModel realm, TransactionRecord record,
                                 CodeChannel channel, String code) {
        int length = SettingsStore.read(realm).whole(Setting.SMS_CODE_LENGTH);
        return CodeSecrets.wellFormed(code, length) && new CodeStore(session).use(realm.getId(), record.id(),
                channel.factor(), CodeSecrets.codeHash(record.nonce(), channel, code), Time.currentTime());
    }

    private static boolean sms(KeycloakSession session, CodeOffer offer, PaymentDetail detail, String code) {
        String account = detail.identification();
        String text = new PaymentSmsText(new BigDecimal(detail.amount()), detail.currency(), detail.creditorName(),
                detail.bankCode() == null ? null : PaymentDisplay.bank(detail),
                account.substring(account.length() - 4), code).render();
        return SmsDispatcherFactory.dispatcher(session).send(new SmsMessage(offer.phone(), text))
                instanceof SmsOutcome.Sent;
    }
}
