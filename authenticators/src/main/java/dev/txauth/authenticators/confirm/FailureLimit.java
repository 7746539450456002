package dev.txauth.authenticators.confirm;

import dev.txauth.authenticators.alert.UserAlertEmail;
import dev.txauth.model.EventDetails;
import dev.txauth.transactions.ConfirmationLimit;
import dev.txauth.transactions.TransactionRecord;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Errors;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The confirm step's side of the per-user failure limit ({@link ConfirmationLimit}, docs/api.md §4): while the user
 * is blocked no payment page is shown and no code is checked; the failure that blocks the user also sends them an
 * alert email. The page says only that confirmations are temporarily blocked, never which factor failed.
 */
final class FailureLimit {

    static final String BLOCKED_MESSAGE = "txauthConfirmationsBlocked";
    static final String ALERT_TEMPLATE = "txauth-confirmations-blocked.ftl";
    static final String ALERT_SUBJECT = "txauthBlockedSubject";
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private FailureLimit() {
    }

    /** True, with the blocked page shown, while the user's confirmations are blocked. */
    static boolean refusedWhileBlocked(AuthenticationFlowContext context, TransactionRecord record) {
        if (!ConfirmationLimit.of(context.getSession(), context.getRealm()).blocked(context.getUser())) {
            return false;
        }
        showBlocked(context, record);
        return true;
    }

    /** Counts a failed confirmation; true, with the alert sent, if it blocked the user. */
    static boolean blockedBy(AuthenticationFlowContext context, TransactionRecord record,
                             TransactionConfirmConfig config) {
        long until = ConfirmationLimit.of(context.getSession(), context.getRealm())
                .recordFailure(context.getUser(), record, config.blockSeconds());
        if (until == 0) {
            return false;
        }
        UserAlertEmail.send(context.getSession(), context.getRealm(), context.getUser(), ALERT_SUBJECT,
                ALERT_TEMPLATE, Map.of("until", UNTIL.format(Instant.ofEpochSecond(until))),
                context.getConnection().getRemoteAddr(), Instant.now());
        return true;
    }

    /** A confirmation succeeded: the run of failures is over. */
    static void reset(AuthenticationFlowContext context) {
        ConfirmationLimit.of(context.getSession(), context.getRealm()).reset(context.getUser());
    }

    /** Ends the request on the page that says confirmations are temporarily blocked. */
    static void showBlocked(AuthenticationFlowContext context, TransactionRecord record) {
        context.getEvent().clone().detail(EventDetails.TRANSACTION_ID, record.id())
                .error(Errors.USER_TEMPORARILY_DISABLED);
        ConfirmationPage.endedAtClient(context, BLOCKED_MESSAGE, "Confirmations are temporarily blocked");
    }
}
