package dev.txauth.testkit.browser;

import org.openqa.selenium.virtualauthenticator.Credential;

/**
 * A passkey read from Chromium's virtual authenticator, made fit to be added to another one. Chromium 150 reports no
 * RP ID for a passkey whose creating page named none (Keycloak's default WebAuthn policy names none, so the browser
 * used the page's host), and Selenium cannot add a credential without one: the copy carries that host.
 */
final class PasskeyCopy {

    private PasskeyCopy() {
    }

    /** @param pageHost the host of the page that created the passkey: its RP ID when Chromium reports none */
    static Credential of(Credential passkey, String pageHost) {
        if (passkey.getRpId() != null) {
            return passkey;
        }
        if (pageHost == null) {
            throw new IllegalStateException("a passkey without an RP ID, and no page host to give it");
        }
        return passkey.isResidentCredential()
                ? Credential.createResidentCredential(passkey.getId(), pageHost, passkey.getPrivateKey(),
                        passkey.getUserHandle(), passkey.getSignCount())
                : Credential.createNonResidentCredential(passkey.getId(), pageHost, passkey.getPrivateKey(),
                        passkey.getSignCount());
    }
}
