package dev.txauth.transactions;

import dev.txauth.controls.selfservice.MeResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

import java.util.Map;

/** The JAX-RS root of {@code /realms/{realm}/txauth}. */
public class TxauthRealmResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;
    private final TransactionSettings settings;

    public TxauthRealmResourceProvider(KeycloakSession session, TransactionSettings settings) {
        this.session = session;
        this.settings = settings;
    }

    /** The transaction registry (docs/api.md §3). */
    @Path("transactions")
    public TransactionsResource transactions() {
        return new TransactionsResource(session, settings);
    }

    /** The user's own payment controls: limits and the instant-payments opt-out (docs/api.md §8). */
    @Path("me")
    public MeResource me() {
        return new MeResource(session);
    }

    @Override
    public Object getResource() {
        return this;
    }

    /** Lets operators check that txauth is installed in this realm; reveals nothing beyond the realm name. */
    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> describe() {
        return Map.of("service", "txauth", "realm", session.getContext().getRealm().getName());
    }

    @Override
    public void close() {
        // request-scoped, nothing held
    }
}
