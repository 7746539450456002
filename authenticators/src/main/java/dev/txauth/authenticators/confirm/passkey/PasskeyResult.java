package dev.txauth.authenticators.confirm.passkey;

/**
 * Outcome of verifying a passkey assertion for a transaction.
 *
 * @param verified     true only when every check passed
 * @param credentialId Keycloak's id of the credential that signed (the credential model id), or null
 * @param evidenceJson what to keep as proof (see {@link PasskeyEvidence}), or null when not verified
 */
public record PasskeyResult(boolean verified, String credentialId, String evidenceJson) {

    private static final PasskeyResult REJECTED = new PasskeyResult(false, null, null);

    public static PasskeyResult rejected() {
        return REJECTED;
    }
}
