package dev.txauth.authenticators.risk;

import dev.txauth.authenticators.UserFlowStep;
import dev.txauth.devices.DeviceCookie;
import dev.txauth.devices.DeviceStore;
import dev.txauth.devices.KnownDevice;
import dev.txauth.risk.LoginCounterStore;
import dev.txauth.risk.NetworkPrefix;
import dev.txauth.risk.RiskAssessment;
import dev.txauth.risk.RiskConfig;
import dev.txauth.risk.RiskCounts;
import dev.txauth.risk.RiskDecision;
import dev.txauth.risk.RiskEngine;
import dev.txauth.risk.RiskInput;
import dev.txauth.risk.UserAgentFamily;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserLoginFailureModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code txauth-device-risk}: runs once the user is identified (after the password), scores the login with the
 * {@link RiskEngine} and records the decision for {@code txauth-condition-risk}. ALLOW continues; STEP_UP continues
 * into the conditional second-factor sub-flow (or, for a user with no second factor, requires TOTP enrolment);
 * DENY ends the login on a page that does not say why. Gives the browser a {@code TXAUTH_DEVICE} cookie if it has none.
 * <p>
 * As {@code txauth-transaction-risk} (first step of the level-3 sub-flow) it scores an authentication that reached the
 * payment confirmation without the password step, i.e. a step-up on an existing SSO session, which level 1 never
 * scored (issue 9, finding 3). There only DENY matters: STEP_UP is moot because the confirm step that follows demands
 * a second factor anyway, so STEP_UP continues like ALLOW. An authentication that level 1 already scored (with the
 * amount, see {@link TransactionAmountAdapter}) is not scored twice.
 */
public class DeviceRiskAuthenticator extends UserFlowStep {

    static final String DENIED_TEMPLATE = "txauth-risk-denied.ftl";
    private static final Logger LOG = Logger.getLogger(DeviceRiskAuthenticator.class);

    private final RiskEngine engine;
    private final boolean transactionLevel;

    /** @param transactionLevel true for the level-3 placement ({@code txauth-transaction-risk}) */
    DeviceRiskAuthenticator(RiskEngine engine, boolean transactionLevel) {
        this.engine = engine;
        this.transactionLevel = transactionLevel;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (transactionLevel && authSession.getAuthNote(RiskNotes.DECISION) != null) {
            context.success();
            return;
        }
        RiskConfig config = RiskConfig.of(context.getAuthenticatorConfig());
        Instant now = Instant.now();
        String ip = context.getConnection().getRemoteAddr();
        String network = NetworkPrefix.of(ip);
        String label = UserAgentFamily.of(context.getHttpRequest().getHttpHeaders()
                .getHeaderString(HttpHeaders.USER_AGENT));

        Optional<String> presented = DeviceCookie.presentedHash(session);
        DeviceStore store = new DeviceStore(session);
        List<KnownDevice> devices = store.list(realm.getId(), user.getId());
        Optional<KnownDevice> device = presented.flatMap(hash -> devices.stream()
                .filter(d -> d.trustedAt() != null && d.deviceHash().equals(hash)).findFirst());
        boolean networkSeen = !NetworkPrefix.UNKNOWN.equals(network)
                && devices.stream().anyMatch(d -> network.equals(d.lastNetwork()));
        String lastFamily = devices.isEmpty() ? null : devices.get(0).label();

        long nowMillis = now.toEpochMilli();
        RiskCounts counts = new LoginCounterStore(session).riskCounts(realm.getId(), ip, user.getId(), nowMillis,
                config.failureWindowMinutes(), config.velocityWindowMinutes());
        int userFailures = Math.max(counts.userFailures(),
                bruteForceFailures(context, nowMillis, config.failureWindowMillis()));
        RiskInput input = new RiskInput(device.isPresent(), networkSeen, userFailures, counts.ipFailures(),
                counts.userLogins(),
                label, lastFamily, TransactionAmountAdapter.amount(context));
        RiskAssessment assessment = engine.assess(input, config.policy());
        RiskDecision decision = assessment.decision();
        if (decision == RiskDecision.STEP_UP_PASSKEY && !SecondFactors.hasPasskey(user)) {
            // A passkey is demanded and the user has none: nothing could satisfy the step-up.
            decision = RiskDecision.DENY;
            assessment = new RiskAssessment(assessment.score(), assessment.signals(), decision);
        }

        authSession.setAuthNote(RiskNotes.DECISION, decision.name());
        authSession.setAuthNote(RiskNotes.DEVICE_HASH, presented.orElseGet(() -> DeviceCookie.issue(session, realm)));
        RiskEvents.decision(context, assessment);
        LOG.debugf("txauth-device-risk realm=%s execution=%s score=%d decision=%s signals=%s", realm.getName(),
                context.getExecution().getId(), assessment.score(), decision, assessment.signalNames());

        switch (decision) {
            case ALLOW -> {
                device.ifPresent(d -> store.touch(d.id(), now, ip, network));
                context.success();
            }
            case STEP_UP, STEP_UP_PASSKEY -> {
                if (!transactionLevel && !SecondFactors.hasAny(session, user)) {
                    // Policy (docs/device-risk.md): a risky login of a user without a second factor (no TOTP, passkey
                    // or verified phone) must enrol TOTP before it completes. The device stays unknown until a later
                    // login passes the new factor.
                    authSession.addRequiredAction(UserModel.RequiredAction.CONFIGURE_TOTP);
                    authSession.setAuthNote(RiskNotes.ENROLMENT_REQUIRED, "true");
                }
                context.success();
            }
            case DENY -> {
                Response page = context.form().setStatus(Response.Status.FORBIDDEN).createForm(DENIED_TEMPLATE);
                context.failure(AuthenticationFlowError.ACCESS_DENIED, page);
            }
        }
    }

    /** Keycloak's brute-force count for the user, if its last failure is inside the window. */
    private static int bruteForceFailures(AuthenticationFlowContext context, long nowMillis, long windowMillis) {
        UserLoginFailureModel failures = context.getSession().loginFailures()
                .getUserLoginFailure(context.getRealm(), context.getUser().getId());
        if (failures == null || failures.getLastFailure() <= nowMillis - windowMillis) {
            return 0;
        }
        return failures.getNumFailures();
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        // The deny page has no form; anything posted here is scored afresh.
        authenticate(context);
    }
}
