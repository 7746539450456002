package dev.txauth.transactions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.txauth.controls.enforcement.LimitEnforcement;
import dev.txauth.controls.limits.LimitDecision;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The registry's side of the payment controls (docs/api.md §8): the amount of a registered transaction handed to
 * {@link LimitEnforcement} at approval, inside the approval's database transaction.
 */
final class TransactionLimits {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TransactionLimits() {
    }

    /** Empty when the approval may go ahead (its amount is then in the ledger, in this same transaction). */
    static Optional<LimitDecision.Refused> atApproval(KeycloakSession session, RealmModel realm, TransactionRecord record) {
        UserModel user = session.users().getUserById(realm, record.userId());
        if (user == null) {
            return Optional.of(new LimitDecision.InstantPaymentsDisabled());
        }
        JsonNode amount;
        try {
            amount = JSON.readTree(record.detail()).path("instructedAmount");
        } catch (IOException e) {
            throw new UncheckedIOException("stored detail of " + record.id() + " is not JSON", e);
        }
        return LimitEnforcement.atApproval(session, realm, user, record.id(), amount.path("currency").asText(),
                amount.path("amount").asText());
    }
}
