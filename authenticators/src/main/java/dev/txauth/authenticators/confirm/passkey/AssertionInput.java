package dev.txauth.authenticators.confirm.passkey;

import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * A WebAuthn assertion as posted on {@code form#txauth-confirm-form}: the fields of a
 * {@code PublicKeyCredential} with an {@code AuthenticatorAssertionResponse}, each base64url (padding tolerated).
 * {@code userHandle} is optional (absent for non-discoverable credentials).
 */
public record AssertionInput(byte[] credentialId, byte[] clientDataJSON, byte[] authenticatorData, byte[] signature,
                             byte[] userHandle) {

    public static final String CREDENTIAL_ID = "credentialId";
    public static final String CLIENT_DATA_JSON = "clientDataJSON";
    public static final String AUTHENTICATOR_DATA = "authenticatorData";
    public static final String SIGNATURE = "signature";
    public static final String USER_HANDLE = "userHandle";

    /** Form fields above this size are not an assertion: a cheap guard before any decoding or parsing. */
    static final int MAX_FIELD_CHARS = 8192;

    /**
     * Decodes the posted fields; empty when a required field is missing, oversized or not base64url, so the caller
     * treats it as a failed confirmation without saying which field was wrong.
     */
    public static Optional<AssertionInput> fromForm(Function<String, String> field) {
        try {
            byte[] credentialId = required(field.apply(CREDENTIAL_ID));
            byte[] clientData = required(field.apply(CLIENT_DATA_JSON));
            byte[] authenticatorData = required(field.apply(AUTHENTICATOR_DATA));
            byte[] signature = required(field.apply(SIGNATURE));
            String handle = field.apply(USER_HANDLE);
            byte[] userHandle = handle == null || handle.isEmpty() ? null : decode(handle);
            return Optional.of(new AssertionInput(credentialId, clientData, authenticatorData, signature, userHandle));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the form carries a passkey assertion at all (as opposed to a TOTP code or a decline). */
    public static boolean isSubmitted(Function<String, String> field) {
        String id = field.apply(CREDENTIAL_ID);
        return id != null && !id.isEmpty();
    }

    private static byte[] required(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("missing");
        }
        return decode(value);
    }

    private static byte[] decode(String value) {
        if (value.length() > MAX_FIELD_CHARS) {
            throw new IllegalArgumentException("too long");
        }
        // The URL-safe decoder rejects '+' and '/', so a standard-base64 value never slips through half-decoded.
        return Base64.getUrlDecoder().decode(stripPadding(value));
    }

    private static String stripPadding(String value) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == '=') {
            end--;
        }
        return value.substring(0, end);
    }
}
