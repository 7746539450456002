package dev.txauth.authenticators.enrolment;

import dev.txauth.model.provider.StatelessFactory;
import dev.txauth.model.alert.UserAlertEmail;
import org.jboss.logging.Logger;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.EventListenerTransaction;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.time.Instant;
import java.util.Map;

/**
 * Realm event listener {@code txauth-factor-alert}: when a user adds a second factor ({@code UPDATE_CREDENTIAL} of a
 * type in {@link SecondFactorEnrolment#FACTOR_TYPES}), the user gets an email saying so, after the transaction that
 * stored the credential has committed — so an attacker who somehow enrols a factor cannot do it silently.
 */
public class FactorAddedAlertListenerFactory implements EventListenerProviderFactory,
        StatelessFactory<EventListenerProvider> {

    public static final String PROVIDER_ID = "txauth-factor-alert";
    private static final Logger LOG = Logger.getLogger(FactorAddedAlertListenerFactory.class);
    /** Theme txauth: email/{html,text}/txauth-factor-added.ftl, messages_{en,fr}.properties. */
    static final String TEMPLATE = "txauth-factor-added.ftl";
    static final String SUBJECT_KEY = "txauthFactorAddedSubject";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        EventListenerTransaction afterCommit = new EventListenerTransaction(null,
                event -> alert(session.getKeycloakSessionFactory(), event));
        session.getTransactionManager().enlistAfterCompletion(afterCommit);
        return new EventListenerProvider() {
            @Override
            public void onEvent(Event event) {
                if (event.getType() == EventType.UPDATE_CREDENTIAL && event.getUserId() != null
                        && event.getDetails() != null
                        && SecondFactorEnrolment.FACTOR_TYPES.contains(event.getDetails().get(Details.CREDENTIAL_TYPE))) {
                    afterCommit.addEvent(event);
                }
            }

            @Override
            public void onEvent(AdminEvent event, boolean includeRepresentation) {
                // an admin adding a credential is audited by txauth-audit; the alert is for self-service enrolment
            }

            @Override
            public void close() {
                // the transaction is owned by the session
            }
        };
    }

    private static void alert(KeycloakSessionFactory factory, Event event) {
        // After commit: a failure here must neither reach the user's response nor undo the enrolment.
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                RealmModel realm = session.realms().getRealm(event.getRealmId());
                if (realm == null) {
                    return;
                }
                session.getContext().setRealm(realm);
                UserModel user = session.users().getUserById(realm, event.getUserId());
                if (user != null) {
                    UserAlertEmail.send(session, realm, user, SUBJECT_KEY, TEMPLATE,
                            Map.of("factorType", event.getDetails().get(Details.CREDENTIAL_TYPE)),
                            event.getIpAddress(), Instant.ofEpochMilli(event.getTime()));
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("txauth factor-added alert failed realm=%s user=%s: %s", event.getRealmId(), event.getUserId(),
                    e.toString());
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
