package dev.txauth.authenticators.binding;

import dev.txauth.authenticators.device.DeviceTrustAuthenticator;
import dev.txauth.devices.DeviceBinding;
import dev.txauth.devices.DeviceBindings;
import dev.txauth.authenticators.smslogin.SmsLoginCodeAuthenticator;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCAdvancedConfigWrapper;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.sessions.AuthenticationSessionModel;

import java.util.Optional;

/**
 * What the device-binding steps know about this login (docs/api.md §8): the app instance's key as the authorization
 * request's {@code dpop_jkt} (Keycloak binds the code to it, and the token request must prove it), the user's bound
 * key, and whether a second factor was passed — in this login, or at LoA ≥ 2 by the SSO session.
 */
record DeviceKey(boolean appClient, String jkt, Optional<DeviceBinding> bound, boolean secondFactor) {

    static DeviceKey of(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        // The phone is the key of a client that requires DPoP (mobile-app); a web client that uses DPoP of its own
        // accord (the self-service page) has a key per browser tab, which is no phone.
        boolean appClient = OIDCAdvancedConfigWrapper.fromClientModel(authSession.getClient()).isUseDPoP();
        boolean secondFactor = DeviceTrustAuthenticator.secondFactorPassed(context.getRealm(),
                authSession.getExecutionStatus())
                || (new AcrStore(context.getSession(), authSession).getLevelOfAuthenticationFromCurrentAuthentication()
                        >= 2 && !levelTwoBySms(context, authSession));
        return new DeviceKey(appClient, authSession.getClientNote(OIDCLoginProtocol.DPOP_JKT),
                DeviceBindings.current(context.getSession(), context.getRealm(), context.getUser()), secondFactor);
    }

    /**
     * Whether this login, or the SSO session it continues, passed level 2 with an SMS code: then the level says
     * nothing about the app, and the binding asks for TOTP or a passkey (SmsLoginCodeAuthenticator).
     */
    private static boolean levelTwoBySms(AuthenticationFlowContext context, AuthenticationSessionModel authSession) {
        String note = SmsLoginCodeAuthenticator.SMS_SECOND_FACTOR_NOTE;
        if ("true".equals(authSession.getUserSessionNotes().get(note))) {
            return true;
        }
        UserSessionModel sso = context.getSession().sessions().getUserSession(context.getRealm(),
                authSession.getParentSession().getId());
        return sso != null && "true".equals(sso.getNote(note));
    }

    /** The app presents a key and another one is bound. */
    boolean isOtherThanBound() {
        return appClient && jkt != null && bound.isPresent() && !bound.get().jkt().equals(jkt);
    }
}
