package dev.txauth.risk;

import dev.txauth.model.provider.StatelessFactory;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;

/**
 * Global event listener that feeds {@link RiskCounters} from login events of every realm: wrong credentials per IP and
 * user, successful logins per user. It owns the counters; the risk authenticator looks this factory up to read them.
 * Counting is in memory and O(1), so it is done inline rather than after commit.
 */
public class RiskCountersListenerFactory implements EventListenerProviderFactory,
        StatelessFactory<EventListenerProvider> {

    public static final String PROVIDER_ID = "txauth-risk-counters";

    private final RiskCounters counters = new RiskCounters();

    private final EventListenerProvider provider = new EventListenerProvider() {
        @Override
        public void onEvent(Event event) {
            if (event.getType() == EventType.LOGIN_ERROR) {
                counters.loginFailed(event.getRealmId(), event.getUserId(), event.getIpAddress(), event.getError(),
                        event.getTime());
            } else if (event.getType() == EventType.LOGIN && event.getUserId() != null) {
                counters.loginSucceeded(event.getRealmId(), event.getUserId(), event.getTime());
            }
        }

        @Override
        public void onEvent(AdminEvent event, boolean includeRepresentation) {
            // admin actions are not login attempts
        }

        @Override
        public void close() {
            // shared and stateless per request
        }
    };

    /** The counters of this node, for the risk authenticator. */
    public static RiskCounters counters(KeycloakSession session) {
        return ((RiskCountersListenerFactory) session.getKeycloakSessionFactory()
                .getProviderFactory(EventListenerProvider.class, PROVIDER_ID)).counters;
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return provider;
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
