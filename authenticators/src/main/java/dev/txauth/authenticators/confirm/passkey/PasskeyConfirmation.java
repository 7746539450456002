package dev.txauth.authenticators.confirm.passkey;

import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.logging.Logger;
import org.keycloak.common.util.UriUtils;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.WebAuthnPolicy;
import org.keycloak.models.credential.WebAuthnCredentialModel;
import org.keycloak.models.credential.dto.WebAuthnCredentialData;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The passkey factor of {@code txauth-transaction-confirm}: adapts Keycloak's stored WebAuthn credentials, realm
 * WebAuthn policy and request URI to {@link AssertionVerifier}, and records the new signature counter on success.
 * <p>
 * Any WebAuthn credential of the user counts (types {@code webauthn} and {@code webauthn-passwordless}); each is checked
 * against the policy of its own type (RP ID, extra origins, user verification), as Keycloak's own authenticators do.
 */
public final class PasskeyConfirmation {

    private static final Logger LOG = Logger.getLogger(PasskeyConfirmation.class);
    static final List<String> CREDENTIAL_TYPES = List.of(WebAuthnCredentialModel.TYPE_TWOFACTOR,
            WebAuthnCredentialModel.TYPE_PASSWORDLESS);

    private PasskeyConfirmation() {
    }

    /**
     * Verifies the assertion posted in {@code form} for the transaction whose STORED canonical detail and nonce are
     * given. Never throws for bad input; any failure is {@link PasskeyResult#rejected()}.
     */
    public static PasskeyResult verify(KeycloakSession session, RealmModel realm, UserModel user,
                                       String canonicalDetailJson, byte[] nonce,
                                       MultivaluedMap<String, String> form) {
        Optional<AssertionInput> parsed = AssertionInput.fromForm(form::getFirst);
        if (parsed.isEmpty()) {
            LOG.debugf("Passkey confirmation refused in realm %s: malformed assertion", realm.getName());
            return PasskeyResult.rejected();
        }
        AssertionInput assertion = parsed.get();
        Map<StoredPasskey, WebAuthnCredentialModel> registered = registeredPasskeys(user);
        List<StoredPasskey> passkeys = List.copyOf(registered.keySet());
        Optional<StoredPasskey> signer = passkeys.stream().filter(p -> p.hasCredentialId(assertion.credentialId()))
                .findFirst();
        if (signer.isEmpty()) {
            LOG.debugf("Passkey confirmation refused in realm %s: credential not registered to the user",
                    realm.getName());
            return PasskeyResult.rejected();
        }
        WebAuthnCredentialModel model = registered.get(signer.get());
        RelyingParty relyingParty = relyingParty(session, policyFor(realm, model.getType()));
        AssertionVerifier.Outcome outcome = AssertionVerifier.verify(assertion, passkeys,
                user.getId().getBytes(StandardCharsets.UTF_8), relyingParty,
                TransactionChallenge.compute(canonicalDetailJson, nonce));
        if (!outcome.verified()) {
            LOG.debugf("Passkey confirmation refused in realm %s: %s", realm.getName(), outcome.failure());
            return PasskeyResult.rejected();
        }
        if (outcome.signCount() > model.getWebAuthnCredentialData().getCounter()) {
            // Store what the authenticator reported (not stored+1 as Keycloak does), so the next use must exceed it.
            model.updateCounter(outcome.signCount());
            user.credentialManager().updateStoredCredential(model);
        }
        return new PasskeyResult(true, model.getId(), PasskeyEvidence.toJson(assertion, canonicalDetailJson, nonce,
                relyingParty.rpId(), outcome.signCount()));
    }

    /** Whether the confirmation page should offer "Confirm with passkey". */
    public static boolean hasPasskey(UserModel user) {
        return CREDENTIAL_TYPES.stream().anyMatch(t -> user.credentialManager().getStoredCredentialsByTypeStream(t)
                .findAny().isPresent());
    }

    /** What the confirmation page needs for {@code navigator.credentials.get} (see {@link PasskeyPage}). */
    public static PasskeyPage page(KeycloakSession session, RealmModel realm, UserModel user,
                                   String canonicalDetailJson, byte[] nonce) {
        Map<StoredPasskey, WebAuthnCredentialModel> registered = registeredPasskeys(user);
        // The page can name one RP ID only: the two-factor policy's, unless the user has passwordless keys alone.
        String type = registered.values().stream().map(CredentialModel::getType)
                .filter(WebAuthnCredentialModel.TYPE_TWOFACTOR::equals).findAny()
                .orElse(registered.isEmpty() ? WebAuthnCredentialModel.TYPE_TWOFACTOR
                        : WebAuthnCredentialModel.TYPE_PASSWORDLESS);
        WebAuthnPolicy policy = policyFor(realm, type);
        RelyingParty relyingParty = relyingParty(session, policy);
        return PasskeyPage.of(TransactionChallenge.compute(canonicalDetailJson, nonce), relyingParty.rpId(),
                registered.keySet().stream().map(StoredPasskey::credentialId).toList(),
                policy.getUserVerificationRequirement());
    }

    private static Map<StoredPasskey, WebAuthnCredentialModel> registeredPasskeys(UserModel user) {
        Map<StoredPasskey, WebAuthnCredentialModel> passkeys = new LinkedHashMap<>();
        for (String type : CREDENTIAL_TYPES) {
            user.credentialManager().getStoredCredentialsByTypeStream(type).forEach(stored -> {
                WebAuthnCredentialModel model = WebAuthnCredentialModel.createFromCredentialModel(stored);
                WebAuthnCredentialData data = model.getWebAuthnCredentialData();
                byte[] id = StoredPasskey.decode(data.getCredentialId());
                if (id != null && data.getCredentialPublicKey() != null) {
                    passkeys.put(new StoredPasskey(model.getId(), id, data.getAaguid(), data.getCredentialPublicKey(),
                            data.getCounter()), model);
                }
            });
        }
        return passkeys;
    }

    private static WebAuthnPolicy policyFor(RealmModel realm, String credentialType) {
        return WebAuthnCredentialModel.TYPE_PASSWORDLESS.equals(credentialType)
                ? realm.getWebAuthnPolicyPasswordless() : realm.getWebAuthnPolicy();
    }

    static RelyingParty relyingParty(KeycloakSession session, WebAuthnPolicy policy) {
        URI base = session.getContext().getUri().getBaseUri();
        String rpId = policy.getRpId() == null || policy.getRpId().isBlank() ? base.getHost() : policy.getRpId();
        Set<String> origins = new HashSet<>();
        origins.add(UriUtils.getOrigin(base));
        if (policy.getExtraOrigins() != null) {
            origins.addAll(policy.getExtraOrigins());
        }
        return new RelyingParty(origins, rpId, "required".equals(policy.getUserVerificationRequirement()));
    }
}
