package dev.txauth.authenticators.device;

import dev.txauth.authenticators.UserFlowStep;
import dev.txauth.authenticators.risk.RiskEvents;
import dev.txauth.authenticators.risk.RiskNotes;
import dev.txauth.authenticators.smslogin.SmsLoginCodeAuthenticatorFactory;
import dev.txauth.devices.DeviceCookie;
import dev.txauth.devices.DeviceStore;
import dev.txauth.devices.NewDeviceAlert;
import dev.txauth.risk.NetworkPrefix;
import dev.txauth.risk.UserAgentFamily;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.CommonClientSessionModel;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code txauth-device-trust}: placed right after a second-factor step, it makes this browser a KNOWN device of the
 * user (row in {@code txauth_device}), emits {@code device_trusted} and sends the new-device alert. It checks for
 * itself that an OTP, WebAuthn or SMS sign-in code execution succeeded in this login, so a misplaced execution can
 * never trust a device on a password alone; without that evidence it does nothing. It never fails a login.
 */
public class DeviceTrustAuthenticator extends UserFlowStep {

    /** Executions whose success proves a second factor strong enough to move the account to a new app (binding). */
    static final Set<String> SECOND_FACTOR_AUTHENTICATORS = Set.of("auth-otp-form", "webauthn-authenticator",
            "webauthn-authenticator-passwordless");
    /**
     * ... and those that make a browser a known device: the same plus an SMS sign-in code. Not for binding: a SIM
     * swap must not be enough to move the account to another phone's app (docs/api.md §8).
     */
    static final Set<String> DEVICE_TRUST_AUTHENTICATORS = Stream.concat(SECOND_FACTOR_AUTHENTICATORS.stream(),
            Stream.of(SmsLoginCodeAuthenticatorFactory.PROVIDER_ID)).collect(Collectors.toUnmodifiableSet());
    private static final Logger LOG = Logger.getLogger(DeviceTrustAuthenticator.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (!passed(realm, authSession.getExecutionStatus(), DEVICE_TRUST_AUTHENTICATORS)) {
            LOG.debugf("txauth-device-trust realm=%s: no second factor in this login, device not trusted",
                    realm.getName());
            context.success();
            return;
        }
        String hash = Optional.ofNullable(authSession.getAuthNote(RiskNotes.DEVICE_HASH))
                .or(() -> DeviceCookie.presentedHash(session))
                .orElseGet(() -> DeviceCookie.issue(session, realm));
        Instant now = Instant.now();
        String ip = context.getConnection().getRemoteAddr();
        String label = UserAgentFamily.of(context.getHttpRequest().getHttpHeaders()
                .getHeaderString(HttpHeaders.USER_AGENT));
        Optional<String> newDevice = new DeviceStore(session).trust(realm.getId(), user.getId(), hash, label, now, ip,
                NetworkPrefix.of(ip));
        authSession.setAuthNote(RiskNotes.DEVICE_TRUSTED, "true");
        newDevice.ifPresent(id -> {
            RiskEvents.deviceTrusted(context, id, label);
            if (DeviceTrustConfig.of(context.getAuthenticatorConfig()).newDeviceEmail()) {
                NewDeviceAlert.browser(session, realm, user, label, ip, now);
            }
        });
        context.success();
    }

    /** Whether an OTP or WebAuthn execution succeeded in this login (the device-binding steps' test). */
    public static boolean secondFactorPassed(RealmModel realm,
                                              Map<String, CommonClientSessionModel.ExecutionStatus> statuses) {
        return passed(realm, statuses, SECOND_FACTOR_AUTHENTICATORS);
    }

    private static boolean passed(RealmModel realm, Map<String, CommonClientSessionModel.ExecutionStatus> statuses,
                                  Set<String> authenticators) {
        for (Map.Entry<String, CommonClientSessionModel.ExecutionStatus> entry : statuses.entrySet()) {
            if (entry.getValue() == CommonClientSessionModel.ExecutionStatus.SUCCESS) {
                AuthenticationExecutionModel execution = realm.getAuthenticationExecutionById(entry.getKey());
                // sub-flow executions have no authenticator (null), which Set.of(...).contains rejects
                String authenticator = execution == null ? null : execution.getAuthenticator();
                if (authenticator != null && authenticators.contains(authenticator)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        authenticate(context);
    }
}
