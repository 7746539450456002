package dev.txauth.sms;

import dev.txauth.sms.phone.PhoneNumbers;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * The ordered failover chain (docs/api.md §9): tries each configured gateway once, in order, and moves on only when a
 * gateway failed (timeout, connection error, 5xx); a rejection (4xx) ends the send at once. Never retries a gateway.
 * Callers in Keycloak get it with {@link SmsDispatcherFactory#dispatcher}; it counts every outcome in {@link SmsMetrics}.
 */
public final class SmsDispatcher implements SmsSender {

    private static final Logger LOG = Logger.getLogger(SmsDispatcher.class);

    /** One entry of the failover list. */
    public record Route(String provider, SmsSender sender) {
    }

    private final List<Route> routes;
    private final SmsMetrics metrics;
    private final PhoneNumbers phoneNumbers;

    public SmsDispatcher(List<Route> routes, SmsMetrics metrics, PhoneNumbers phoneNumbers) {
        this.routes = List.copyOf(routes);
        this.metrics = metrics;
        this.phoneNumbers = phoneNumbers;
    }

    /** Normalisation with the configured default region, for callers that take a number from a user. */
    public PhoneNumbers phoneNumbers() {
        return phoneNumbers;
    }

    @Override
    public SmsOutcome send(SmsMessage message) {
        List<SmsOutcome.Attempt> failures = new ArrayList<>();
        for (Route route : routes) {
            SmsOutcome outcome = attempt(route, message);
            if (outcome instanceof SmsOutcome.Sent sent) {
                metrics.sent(route.provider());
                LOG.debugf("txauth-sms: sent to %s by %s after %d failed gateway(s)", message.to(), route.provider(),
                        failures.size());
                return sent;
            }
            if (outcome instanceof SmsOutcome.Rejected rejected) {
                metrics.rejected(route.provider());
                LOG.infof("txauth-sms: %s rejected the SMS to %s (%s); not tried elsewhere", route.provider(),
                        message.to(), rejected.detail());
                return rejected;
            }
            for (SmsOutcome.Attempt attempt : ((SmsOutcome.Failed) outcome).attempts()) {
                metrics.attemptFailed(attempt.provider(), attempt.reason());
                LOG.warnf("txauth-sms: %s did not take the SMS to %s (%s %s)", attempt.provider(), message.to(),
                        attempt.reason().tag(), attempt.detail());
                failures.add(attempt);
            }
        }
        metrics.failed();
        if (routes.isEmpty()) {
            LOG.warnf("txauth-sms: no SMS gateway configured, the SMS to %s was not sent", message.to());
        } else {
            LOG.warnf("txauth-sms: every gateway failed, the SMS to %s was not sent", message.to());
        }
        return new SmsOutcome.Failed(failures);
    }

    /** A third-party sender that throws is a failed gateway, not a broken login. */
    private static SmsOutcome attempt(Route route, SmsMessage message) {
        try {
            return route.sender().send(message);
        } catch (RuntimeException e) {
            return SmsOutcome.Failed.of(route.provider(), SmsOutcome.Reason.ERROR, e.getClass().getSimpleName());
        }
    }

    public List<String> providers() {
        return routes.stream().map(Route::provider).toList();
    }
}
