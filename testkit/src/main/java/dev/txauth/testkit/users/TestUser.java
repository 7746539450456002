package dev.txauth.testkit.users;

/** A user created for one test: its Keycloak id, credentials, and the TOTP secret of its authenticator app (or null). */
public record TestUser(String id, String username, String password, String otpSecret) {

    public boolean hasOtp() {
        return otpSecret != null;
    }
}
