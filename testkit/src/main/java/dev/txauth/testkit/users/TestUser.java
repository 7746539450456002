package dev.txauth.testkit.users;

/**
 * A user created for one test: its Keycloak id and credentials, the TOTP secret of its authenticator app (or null),
 * its software passkey registered as a WebAuthn second factor (or null), and its phone number (E.164, or null).
 */
public record TestUser(String id, String username, String password, String otpSecret, SoftwarePasskey passkey,
                       String phoneNumber) {

    public boolean hasOtp() {
        return otpSecret != null;
    }

    public boolean hasPasskey() {
        return passkey != null;
    }
}
