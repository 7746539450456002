package dev.txauth.controls.enforcement;

import dev.txauth.controls.limits.Amount;
import dev.txauth.controls.limits.DailyWindow;
import dev.txauth.controls.limits.LedgerSnapshot;
import dev.txauth.controls.limits.LimitDecision;
import dev.txauth.controls.limits.LimitsEngine;
import dev.txauth.controls.settings.SettingsStore;
import dev.txauth.controls.settings.TxauthSettings;
import dev.txauth.devices.DeviceBinding;
import dev.txauth.devices.DeviceBindings;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the limits engine meets the server (docs/api.md §8): the registry asks at registration (a quick answer for
 * the payment service, no lock) and again at approval, inside the approval's own database transaction, holding the
 * user's ledger row lock — so approvals racing on any number of nodes are decided one after the other against what
 * the others committed, and their total never passes a cap. An approval the engine allows is written to the ledger
 * in that same transaction. Refusals are {@code TXAUTH_LIMIT_REFUSED} events.
 */
public final class LimitEnforcement {

    public enum Stage {
        REGISTER, APPROVAL;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private LimitEnforcement() {
    }

    /**
     * At registration: the refusal to answer with {@code 422}, or empty. {@code amount} is the decimal string of the
     * payment detail; one that is no valid amount of {@code currency} throws
     * {@link dev.txauth.controls.limits.InvalidAmountException}.
     */
    public static Optional<LimitDecision.Refused> atRegistration(KeycloakSession session, RealmModel realm,
                                                                 UserModel user, String currency, String amount) {
        long started = System.nanoTime();
        Amount payment = Amount.parse(currency, amount);
        LimitDecision decision = decide(session, realm, user, payment, Instant.now());
        LimitCheckTimer.record(Stage.REGISTER, started);
        return refused(session, realm, user, decision, Stage.REGISTER, null);
    }

    /**
     * At approval, in the approval's transaction: locks the user's ledger row, decides, and records the amount when
     * allowed. Empty means allowed (and recorded); the caller then approves in the same transaction.
     */
    public static Optional<LimitDecision.Refused> atApproval(KeycloakSession session, RealmModel realm,
                                                             UserModel user, String transactionId, String currency,
                                                             String amount) {
        long started = System.nanoTime();
        Amount payment = Amount.parse(currency, amount);
        Instant now = Instant.now();
        LedgerStore ledger = new LedgerStore(session);
        ledger.lock(realm.getId(), user.getId(), now.getEpochSecond());
        LimitDecision decision = decide(session, realm, user, payment, now);
        if (decision.allowed()) {
            ledger.record(transactionId, realm.getId(), user.getId(), payment, now.getEpochSecond());
        }
        LimitCheckTimer.record(Stage.APPROVAL, started);
        return refused(session, realm, user, decision, Stage.APPROVAL, transactionId);
    }

    private static LimitDecision decide(KeycloakSession session, RealmModel realm, UserModel user, Amount payment,
                                        Instant now) {
        TxauthSettings settings = SettingsStore.read(realm);
        LedgerStore ledger = new LedgerStore(session);
        Instant coolingStart = coolingStart(session, realm, user);
        boolean cooling = now.isBefore(coolingStart.plus(settings.coolingPeriod()));
        Instant dayStart = DailyWindow.containing(now, settings.dailyLimitZone()).start();
        long nowSecond = now.getEpochSecond();
        String currency = payment.currency();
        Amount inCooling = new Amount(currency, cooling ? ledger.counted(realm.getId(), user.getId(), currency,
                coolingStart.getEpochSecond(), nowSecond) : 0);
        Amount today = new Amount(currency, ledger.counted(realm.getId(), user.getId(), currency,
                dayStart.getEpochSecond(), nowSecond));
        return LimitsEngine.decide(settings.limitRules(), ledger.controls(realm.getId(), user.getId()),
                new LedgerSnapshot(inCooling, today), cooling, payment);
    }

    /** The cooling period runs from the later of the account's creation and the binding of its device key. */
    static Instant coolingStart(KeycloakSession session, RealmModel realm, UserModel user) {
        Long created = user.getCreatedTimestamp();
        Instant start = created == null ? Instant.EPOCH : Instant.ofEpochMilli(created);
        Optional<Instant> bound = DeviceBindings.current(session, realm, user).map(DeviceBinding::boundAt);
        return bound.filter(b -> b.isAfter(start)).orElse(start);
    }

    private static Optional<LimitDecision.Refused> refused(KeycloakSession session, RealmModel realm, UserModel user,
                                                           LimitDecision decision, Stage stage, String transactionId) {
        if (!(decision instanceof LimitDecision.Refused refusal)) {
            return Optional.empty();
        }
        String limit = refusal.body().getOrDefault("limit", refusal.body().get("error"));
        ControlEvents.limitRefused(session, realm, user, limit, stage.wireName(), transactionId);
        return Optional.of(refusal);
    }
}
