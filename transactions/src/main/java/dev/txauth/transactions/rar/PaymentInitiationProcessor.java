package dev.txauth.transactions.rar;

import dev.txauth.model.ApprovalBinding;
import dev.txauth.model.ApprovalNotes;
import dev.txauth.model.PaymentInitiation;
import dev.txauth.transactions.TransactionRegistry;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.rar.AuthorizationDetailsProcessor;
import org.keycloak.protocol.oidc.rar.InvalidAuthorizationDetailsException;
import org.keycloak.representations.AuthorizationDetailsJSONRepresentation;

import java.util.List;

/**
 * RFC 9396 processor for {@code payment_initiation} (Keycloak's internal {@code AuthorizationDetailsProcessor} SPI).
 * <p>
 * At the authorization endpoint it checks the shape of the member (an {@code identifier}, only known members). At the
 * token endpoint it refuses the code exchange with {@code invalid_authorization_details} unless this authentication
 * approved exactly the named transaction and the approval is still valid; it then binds the approval to the user
 * session the code belongs to.
 * <p>
 * It deliberately returns no granted detail to Keycloak: Keycloak 26.7.3 would copy it into the refresh token
 * ({@code RefreshToken(AccessToken)} copies {@code authorization_details}) and from there into every refreshed access
 * token. The {@code txauth-authorization-details} mapper emits the detail instead, in the one access token, its
 * introspection and the token response.
 */
public class PaymentInitiationProcessor implements AuthorizationDetailsProcessor<AuthorizationDetailsJSONRepresentation> {

    private final KeycloakSession session;

    public PaymentInitiationProcessor(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public boolean isSupported() {
        return true;
    }

    @Override
    public String getSupportedType() {
        return PaymentInitiation.TYPE;
    }

    @Override
    public Class<AuthorizationDetailsJSONRepresentation> getSupportedResponseJavaType() {
        return AuthorizationDetailsJSONRepresentation.class;
    }

    @Override
    public AuthorizationDetailsJSONRepresentation validateAuthorizationDetail(
            AuthorizationDetailsJSONRepresentation detail) throws InvalidAuthorizationDetailsException {
        if (PaymentInitiation.identifier(detail.getType(), detail.getIdentifier()).isEmpty()) {
            throw new InvalidAuthorizationDetailsException("payment_initiation needs the transaction identifier");
        }
        if (detail.getLocations() != null || detail.getActions() != null || detail.getDatatypes() != null
                || detail.getPrivileges() != null
                || detail.getCustomData() != null && !PaymentInitiation.PAYMENT_MEMBERS.containsAll(detail.getCustomData().keySet())) {
            throw new InvalidAuthorizationDetailsException("payment_initiation has an unknown member");
        }
        return detail;
    }

    @Override
    public AuthorizationDetailsJSONRepresentation process(UserSessionModel userSession, ClientSessionContext ctx,
                                                          AuthorizationDetailsJSONRepresentation member) {
        checkApproved(userSession, ctx, validateAuthorizationDetail(member));
        return null;
    }

    @Override
    public AuthorizationDetailsJSONRepresentation processStoredAuthorizationDetails(
            UserSessionModel userSession, ClientSessionContext ctx, AuthorizationDetailsJSONRepresentation stored) {
        if (stored == null) {
            return null;
        }
        checkApproved(userSession, ctx, stored);
        return null;
    }

    private void checkApproved(UserSessionModel userSession, ClientSessionContext ctx,
                               AuthorizationDetailsJSONRepresentation member) {
        AuthenticatedClientSessionModel clientSession = ctx.getClientSession();
        String approvedId = clientSession.getNote(ApprovalNotes.TRANSACTION_ID);
        if (approvedId == null) {
            throw new InvalidAuthorizationDetailsException("the transaction was not approved in this authentication");
        }
        if (!ApprovalBinding.matches(clientSession.getNote(ApprovalNotes.REQUEST),
                ApprovalBinding.presentedVerifier(session))) {
            // The stored details and the approval belong to another authorization request of this client session
            // (an earlier payment whose code is not this one): inert for this exchange, which neither gets nor
            // loses anything by them (docs/transactions.md "One approval, one code").
            return;
        }
        if (!approvedId.equals(member.getIdentifier())) {
            throw new InvalidAuthorizationDetailsException("the transaction was not approved in this authentication");
        }
        String issuedTo = clientSession.getNote(ApprovalNotes.TOKEN_ID);
        if (issuedTo != null && !issuedTo.isEmpty()) {
            // A later login of the same client session still carries the earlier request's note; the approval was
            // already delivered and the mappers will not deliver it again.
            return;
        }
        TransactionRegistry.of(session, userSession.getRealm()).holdApproval(approvedId, userSession.getId())
                .orElseThrow(() -> new InvalidAuthorizationDetailsException("the approval is no longer valid"));
    }

    @Override
    public List<AuthorizationDetailsJSONRepresentation> handleMissingAuthorizationDetails(
            UserSessionModel userSession, ClientSessionContext ctx) {
        return null;
    }

    @Override
    public void afterAuthorizationDetailsProcessed(UserSessionModel userSession, ClientSessionContext ctx,
                                                   AuthorizationDetailsJSONRepresentation response) {
        // nothing: see the class comment
    }

    @Override
    public void close() {
        // stateless
    }
}
