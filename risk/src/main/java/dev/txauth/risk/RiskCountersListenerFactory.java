package dev.txauth.risk;

import dev.txauth.model.provider.StatelessFactory;
import org.jboss.logging.Logger;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.timer.ScheduledTask;
import org.keycloak.timer.TimerProvider;

import java.util.List;

/**
 * Global event listener that counts login events of every realm into the cluster-wide {@code txauth_login_counter}
 * ({@link LoginCounterStore}): wrong credentials per IP, per (IP, account) and per user, successful logins per user.
 * The risk step and the login throttle read them. The count is written in the request's own transaction, one
 * statement per event, so a failure is counted exactly when Keycloak's own records of it commit.
 * <p>
 * Also schedules the purge of expired buckets: every node's timer fires, Keycloak's {@link ClusterProvider} lets one
 * node per interval run it.
 */
public class RiskCountersListenerFactory implements EventListenerProviderFactory,
        StatelessFactory<EventListenerProvider> {

    public static final String PROVIDER_ID = "txauth-risk-counters";
    static final String PURGE_TASK = "txauth-login-counter-purge";
    static final long PURGE_INTERVAL_MILLIS = 5 * 60_000L;
    private static final Logger LOG = Logger.getLogger(RiskCountersListenerFactory.class);

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new EventListenerProvider() {
            @Override
            public void onEvent(Event event) {
                List<CounterKey> keys = List.of();
                if (event.getType() == EventType.LOGIN_ERROR) {
                    String username = event.getDetails() == null ? null : event.getDetails().get(Details.USERNAME);
                    keys = LoginCounting.failure(event.getUserId(), username, event.getIpAddress(), event.getError());
                } else if (event.getType() == EventType.LOGIN) {
                    keys = LoginCounting.success(event.getUserId());
                }
                if (!keys.isEmpty()) {
                    new LoginCounterStore(session).add(event.getRealmId(), keys, MinuteBuckets.minute(event.getTime()));
                }
            }

            @Override
            public void onEvent(AdminEvent event, boolean includeRepresentation) {
                // admin actions are not login attempts
            }

            @Override
            public void close() {
                // holds nothing
            }
        };
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // After migration: the table exists (Liquibase ran) and the timer is up.
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                        .scheduleTask(purgeTask(), PURGE_INTERVAL_MILLIS, PURGE_TASK));
            }
        });
    }

    private static ScheduledTask purgeTask() {
        return session -> session.getProvider(ClusterProvider.class).executeIfNotExecuted(PURGE_TASK,
                (int) (PURGE_INTERVAL_MILLIS / 1000) - 10, () -> {
                    int deleted = new LoginCounterStore(session).purge(
                            MinuteBuckets.minute(System.currentTimeMillis()));
                    LOG.debugf("txauth login counters: %d expired buckets purged", deleted);
                    return deleted;
                });
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
