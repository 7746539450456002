package dev.txauth.model;

import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.OAuth2Constants;
import org.keycloak.models.KeycloakSession;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Which code exchange an approval belongs to (docs/api.md §5; issue 9, finding 7). The approval notes live on the
 * client session, which every later login of the same app in the same SSO session shares; so the confirm step
 * records the approving authorization request's PKCE {@code code_challenge} ({@link ApprovalNotes#REQUEST}), and the
 * RAR processor and the token mappers honour the notes only at the exchange whose {@code code_verifier} hashes to it.
 * Keycloak has already checked that verifier against the code being exchanged, so a match means "this code came from
 * the request that made the approval". A request without S256 PKCE records nothing and its approval is never
 * delivered: transaction requests need PKCE S256 (docs/api.md §2). The hashing rule is plain Java; only
 * {@link #presentedVerifier} touches Keycloak.
 */
public final class ApprovalBinding {

    public static final String S256 = "S256";

    private ApprovalBinding() {
    }

    /** The value to record for an approval made by a request with this PKCE challenge and method. */
    public static String record(String codeChallenge, String codeChallengeMethod) {
        return codeChallenge != null && !codeChallenge.isBlank() && S256.equals(codeChallengeMethod)
                ? codeChallenge : "";
    }

    /** True when the exchange presenting {@code codeVerifier} answers the request that recorded {@code recorded}. */
    public static boolean matches(String recorded, String codeVerifier) {
        if (recorded == null || recorded.isEmpty() || codeVerifier == null || codeVerifier.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(recorded.getBytes(StandardCharsets.US_ASCII),
                s256(codeVerifier).getBytes(StandardCharsets.US_ASCII));
    }

    /** The {@code code_verifier} of the token request being served, or null outside one. */
    public static String presentedVerifier(KeycloakSession session) {
        if (session == null || session.getContext() == null || session.getContext().getHttpRequest() == null) {
            return null;
        }
        try {
            MultivaluedMap<String, String> form = session.getContext().getHttpRequest().getDecodedFormParameters();
            return form == null ? null : form.getFirst(OAuth2Constants.CODE_VERIFIER);
        } catch (RuntimeException notAForm) {
            return null;
        }
    }

    /** RFC 7636 §4.2: BASE64URL(SHA-256(ASCII(code_verifier))), unpadded. */
    public static String s256(String codeVerifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
