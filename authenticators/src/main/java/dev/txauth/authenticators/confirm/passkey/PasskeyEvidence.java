package dev.txauth.authenticators.confirm.passkey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The proof kept for a passkey-approved transaction: the assertion exactly as the authenticator produced it, plus the
 * canonical detail and nonce the challenge was computed from. Anyone holding the credential's public key can later
 * recompute the challenge and check the signature ({@link #reverify}) without trusting txauth's database row.
 * <p>
 * Binary values are base64url without padding; {@code canonicalDetail} is the RFC 8785 JSON text itself.
 */
public final class PasskeyEvidence {

    public static final String FORMAT = "txauth-passkey-assertion/1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private PasskeyEvidence() {
    }

    public static String toJson(AssertionInput assertion, String canonicalDetailJson, byte[] nonce, String rpId,
                                long signCount) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("format", FORMAT);
        evidence.put("credentialId", B64URL.encodeToString(assertion.credentialId()));
        evidence.put("clientDataJSON", B64URL.encodeToString(assertion.clientDataJSON()));
        evidence.put("authenticatorData", B64URL.encodeToString(assertion.authenticatorData()));
        evidence.put("signature", B64URL.encodeToString(assertion.signature()));
        if (assertion.userHandle() != null) {
            evidence.put("userHandle", B64URL.encodeToString(assertion.userHandle()));
        }
        evidence.put("canonicalDetail", canonicalDetailJson);
        evidence.put("nonce", B64URL.encodeToString(nonce));
        evidence.put("challenge", B64URL.encodeToString(TransactionChallenge.compute(canonicalDetailJson, nonce)));
        evidence.put("rpId", rpId);
        evidence.put("signCount", signCount);
        try {
            return JSON.writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Strings and numbers always serialise", e);
        }
    }

    /**
     * Re-checks stored evidence: the challenge is recomputed from the recorded canonical detail and nonce (so an edited
     * detail fails), then the assertion is verified with the credential's public key (COSE, base64url as Keycloak
     * stores it) for the given origins and RP ID. The signature counter is not re-checked: it only orders live uses.
     *
     * @return the canonical detail the user approved, when the evidence is genuine
     */
    public static Optional<String> reverify(String evidenceJson, String publicKeyCose, RelyingParty relyingParty) {
        try {
            JsonNode evidence = JSON.readTree(evidenceJson);
            if (!FORMAT.equals(evidence.path("format").asText())) {
                return Optional.empty();
            }
            String detail = evidence.path("canonicalDetail").asText(null);
            byte[] nonce = decode(evidence, "nonce");
            AssertionInput assertion = new AssertionInput(decode(evidence, "credentialId"),
                    decode(evidence, "clientDataJSON"), decode(evidence, "authenticatorData"),
                    decode(evidence, "signature"), null);
            if (detail == null) {
                return Optional.empty();
            }
            StoredPasskey key = new StoredPasskey("evidence", assertion.credentialId(), null, publicKeyCose, 0);
            AssertionVerifier.Outcome outcome = AssertionVerifier.verify(assertion, List.of(key), new byte[0],
                    relyingParty, TransactionChallenge.compute(detail, nonce));
            return outcome.verified() ? Optional.of(detail) : Optional.empty();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] decode(JsonNode evidence, String field) {
        String value = evidence.path(field).asText("");
        if (value.isEmpty()) {
            throw new IllegalArgumentException(field + " missing");
        }
        return Base64.getUrlDecoder().decode(value.getBytes(StandardCharsets.US_ASCII));
    }
}
