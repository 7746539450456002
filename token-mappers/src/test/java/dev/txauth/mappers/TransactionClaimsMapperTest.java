package dev.txauth.mappers;

import dev.txauth.model.ApprovalBinding;
import dev.txauth.model.ApprovalNotes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import jakarta.ws.rs.core.MultivaluedHashMap;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.AccessTokenResponse;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Builds tokens through the mappers with a client session the way the confirm authenticator leaves it. */
class TransactionClaimsMapperTest {

    private static final String DETAIL = "{\"creditorAccount\":{\"bankCode\":\"058\",\"identification\":\"0123456789\","
            + "\"scheme\":\"NUBAN\"},\"creditorName\":\"Ada Obi\",\"identifier\":\"tx1\",\"instructedAmount\":"
            + "{\"amount\":\"50000.00\",\"currency\":\"NGN\"},\"type\":\"payment_initiation\"}";

    private final Map<String, String> notes = new HashMap<>();
    private final Map<String, Object> attributes = new HashMap<>();
    private final TransactionClaimsMapper claims = new TransactionClaimsMapper();
    private final AuthorizationDetailsMapper details = new AuthorizationDetailsMapper();

    /** The app's PKCE verifier of the approving request, presented again at its code exchange. */
    private static final String VERIFIER = "verifier-of-the-approving-request-0123456789abcdef";
    private final KeycloakSession exchange = tokenRequest(VERIFIER);

    @BeforeEach
    void approved() {
        notes.put(ApprovalNotes.REQUEST, ApprovalBinding.s256(VERIFIER));
        notes.put(ApprovalNotes.TRANSACTION_ID, "tx1");
        notes.put(ApprovalNotes.DETAIL, DETAIL);
        notes.put(ApprovalNotes.HASH, "hash-of-detail");
        notes.put(ApprovalNotes.TOKEN_ID, "");
    }

    private ClientSessionContext context(String grantType) {
        attributes.put("grant_type", grantType);
        AuthenticatedClientSessionModel clientSession = (AuthenticatedClientSessionModel) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[]{AuthenticatedClientSessionModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getNote" -> notes.get((String) args[0]);
                    case "setNote" -> notes.put((String) args[0], (String) args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (ClientSessionContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{ClientSessionContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getClientSession" -> clientSession;
                    case "getAttribute" -> ((Class<?>) args[1]).cast(attributes.get((String) args[0]));
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A token request carrying this code_verifier, as the mappers see it through the session. */
    private KeycloakSession tokenRequest(String verifier) {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.add("code_verifier", verifier);
        HttpRequest request = proxy(HttpRequest.class, "getDecodedFormParameters", form);
        KeycloakContext context = proxy(KeycloakContext.class, "getHttpRequest", request);
        return proxy(KeycloakSession.class, "getContext", context);
    }

    private <T> T proxy(Class<T> type, String method, Object answer) {
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{type},
                (p, m, args) -> {
                    if (m.getName().equals(method)) {
                        return answer;
                    }
                    throw new UnsupportedOperationException(m.getName());
                }));
    }

    private static ProtocolMapperModel mapping(Map<String, String> config) {
        ProtocolMapperModel model = new ProtocolMapperModel();
        Map<String, String> all = new HashMap<>(Map.of("access.token.claim", "true", "introspection.token.claim",
                "true"));
        all.putAll(config);
        model.setConfig(all);
        return model;
    }

    private static AccessToken token(String id) {
        AccessToken token = new AccessToken();
        token.id(id);
        token.iat(1_000L);
        token.exp(1_300L);
        return token;
    }

    @Test
    void codeExchangeTokenCarriesClaimsAndShortLifetime() {
        AccessToken token = token("jti-1");
        claims.transformAccessToken(token, mapping(Map.of()), exchange, null, context("authorization_code"));
        assertEquals("tx1", token.getOtherClaims().get("txn_id"));
        assertEquals("50000.00", token.getOtherClaims().get("txn_amount"));
        assertEquals("NGN", token.getOtherClaims().get("txn_currency"));
        assertEquals("NUBAN:058:0123456789", token.getOtherClaims().get("txn_destination"));
        assertEquals("hash-of-detail", token.getOtherClaims().get("txn_hash"));
        assertEquals(1_060L, token.getExp());
        assertEquals("jti-1", notes.get(ApprovalNotes.TOKEN_ID));
    }

    @Test
    void claimNamesAreConfigurable() {
        AccessToken token = token("jti-1");
        claims.transformAccessToken(token, mapping(Map.of("claim.name.amount", "payment_amount",
                "transaction.token.lifespan", "30")), exchange, null, context("authorization_code"));
        assertEquals("50000.00", token.getOtherClaims().get("payment_amount"));
        assertFalse(token.getOtherClaims().containsKey("txn_amount"));
        assertEquals(1_030L, token.getExp());
    }

    @Test
    void refreshGetsNothing() {
        AccessToken token = token("jti-2");
        claims.transformAccessToken(token, mapping(Map.of()), exchange, null, context("refresh_token"));
        details.transformAccessToken(token, mapping(Map.of()), exchange, null, context("refresh_token"));
        assertTrue(token.getOtherClaims().isEmpty(), token.getOtherClaims().toString());
        assertEquals(1_300L, token.getExp());
    }

    @Test
    void onlyTheFirstCodeExchangeTokenOfTheApprovalCarriesIt() {
        AccessToken first = token("jti-1");
        details.transformAccessToken(first, mapping(Map.of()), exchange, null, context("authorization_code"));
        claims.transformAccessToken(first, mapping(Map.of()), exchange, null, context("authorization_code"));
        assertNotNull(first.getOtherClaims().get("authorization_details"));
        assertEquals("tx1", first.getOtherClaims().get("txn_id"));

        AccessToken later = token("jti-9");
        claims.transformAccessToken(later, mapping(Map.of()), exchange, null, context("authorization_code"));
        assertTrue(later.getOtherClaims().isEmpty());
    }

    @Test
    void introspectionOfTheBoundTokenOnly() {
        claims.transformAccessToken(token("jti-1"), mapping(Map.of()), exchange, null, context("authorization_code"));
        AccessToken introspected = token("jti-1");
        claims.transformIntrospectionToken(introspected, mapping(Map.of()), null, null, context(null));
        details.transformIntrospectionToken(introspected, mapping(Map.of()), null, null, context(null));
        assertEquals("tx1", introspected.getOtherClaims().get("txn_id"));
        assertEquals(1, ((List<?>) introspected.getOtherClaims().get("authorization_details")).size());

        AccessToken other = token("jti-2");
        claims.transformIntrospectionToken(other, mapping(Map.of()), null, null, context(null));
        assertTrue(other.getOtherClaims().isEmpty());
    }

    @Test
    void tokenResponseCarriesAuthorizationDetailsOnlyWhenTheTokenDid() {
        ClientSessionContext ctx = context("authorization_code");
        AccessTokenResponse without = details.transformAccessTokenResponse(new AccessTokenResponse(),
                mapping(Map.of()), null, null, ctx);
        assertNull(without.getAuthorizationDetails());
        details.transformAccessToken(token("jti-1"), mapping(Map.of()), exchange, null, ctx);
        AccessTokenResponse with = details.transformAccessTokenResponse(new AccessTokenResponse(), mapping(Map.of()),
                null, null, ctx);
        assertEquals("tx1", with.getAuthorizationDetails().get(0).getIdentifier());
        assertEquals("payment_initiation", with.getAuthorizationDetails().get(0).getType());
    }

    @Test
    void aLaterLoginOfTheSameClientSessionGetsNothingAndTheApprovingCodeStillDoes() {
        AccessToken later = token("jti-7");
        claims.transformAccessToken(later, mapping(Map.of()), tokenRequest("verifier-of-a-later-prompt-none-login"),
                null, context("authorization_code"));
        details.transformAccessToken(later, mapping(Map.of()), tokenRequest("verifier-of-a-later-prompt-none-login"),
                null, context("authorization_code"));
        assertTrue(later.getOtherClaims().isEmpty(), later.getOtherClaims().toString());
        assertEquals("", notes.get(ApprovalNotes.TOKEN_ID), "the approval stays for its own code");

        AccessToken approving = token("jti-1");
        claims.transformAccessToken(approving, mapping(Map.of()), exchange, null, context("authorization_code"));
        assertEquals("tx1", approving.getOtherClaims().get("txn_id"));
    }

    @Test
    void anExchangeWithoutPkceGetsNothing() {
        AccessToken token = token("jti-1");
        claims.transformAccessToken(token, mapping(Map.of()), null, null, context("authorization_code"));
        assertTrue(token.getOtherClaims().isEmpty());
    }

    @Test
    void noApprovalNoClaims() {
        notes.clear();
        AccessToken token = token("jti-1");
        claims.transformAccessToken(token, mapping(Map.of()), exchange, null, context("authorization_code"));
        assertTrue(token.getOtherClaims().isEmpty());
    }
}
