package dev.txauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.txauth.testkit.client.AdminClient;
import dev.txauth.testkit.client.Json;
import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Story: in production the payment service authenticates with private_key_jwt (RFC 7523, PS256; FAPI 2.0), not a
 * shared secret. The client exactly as {@code payments-realm.json} ships it — with the placeholders resolved as
 * docker-compose.yml resolves them — is created on the server next to the test's own {@code payment-service}; it gets
 * a token with a signed assertion, registers a payment with it, and a secret or a replayed assertion is refused.
 */
@TxauthKeycloakTest
class PaymentServiceKeyAuthIT {

    private static final Path REALM_FILE = Path.of(System.getProperty("txauth.repo.root", ".."),
            "realm-config", "payments-realm.json");
    private static final String KID = "payment-service-1";

    private final TxauthServer server;
    private final KeyPair key;
    private HttpServer jwks;
    private String clientId;

    PaymentServiceKeyAuthIT(TxauthServer server) throws Exception {
        this.server = server;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.key = generator.generateKeyPair();
    }

    @BeforeEach
    void shippedClientWithJwks() throws IOException {
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = Json.write(Map.of("keys", List.of(publicJwk()))).getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        clientId = "payment-service-jwt-" + System.nanoTime();
        String jwksUrl = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json";
        // docker-compose.yml: PAYMENT_SERVICE_CLIENT_AUTH defaults to client-jwt, PAYMENT_SERVICE_JWKS_URL is required
        String shipped = Json.write(shippedPaymentService()).replace("${PAYMENT_SERVICE_CLIENT_AUTH}", "client-jwt")
                .replace("${PAYMENT_SERVICE_JWKS_URL}", jwksUrl);
        ObjectNode client = (ObjectNode) Json.parse(shipped);
        client.put("clientId", clientId);
        client.remove("secret");
        AdminClient.Response created = server.admin().post("/admin/realms/payments/clients", client);
        assertEquals(201, created.status(), created.body());
        String location = created.raw().headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        JsonNode account = server.admin().get("/admin/realms/payments/clients/" + id + "/service-account-user").json();
        JsonNode role = server.admin().get("/admin/realms/payments/roles/txauth-transaction-initiator").json();
        AdminClient.Response granted = server.admin().post("/admin/realms/payments/users/"
                + account.path("id").asText() + "/role-mappings/realm", List.of(role));
        assertEquals(204, granted.status(), granted.body());
    }

    @AfterEach
    void stopJwks() {
        jwks.stop(0);
    }

    @Test
    void signedAssertionGetsATokenThatRegistersAPaymentWhileASecretOrAReplayIsRefused() throws Exception {
        AuthorizationClient http = server.newBrowser();
        String assertion = assertion();
        // a backend: no DPoP key (the browser's connection would otherwise send the app's proof)
        TokenResponse token = http.tokens().withDpop(null).tokenRequest(Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion));
        assertEquals(200, token.status(), token.body().toString());
        assertEquals(clientId, token.accessTokenClaims().path("azp").asText());

        TestUser user = TestUsers.withOtp(server, "pkjwt");
        HttpResponse<String> registered = http.send(HttpRequest.newBuilder(URI.create(server.realmUrl()
                        + "/txauth/transactions"))
                .header("Authorization", "Bearer " + token.accessToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(PaymentService.registration(user.id(),
                        AuthorizationClient.MOBILE_APP, PaymentService.paymentDetail("250.00", "Ada Obi"))))));
        assertEquals(201, registered.statusCode(), registered.body());

        TokenResponse replay = http.tokens().tokenRequest(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion));
        assertEquals("invalid_client", replay.error(), "a client assertion is single use: " + replay.body());

        TokenResponse secret = http.tokens().clientCredentials(clientId, server.paymentServiceSecret());
        assertEquals("invalid_client", secret.error(), "a secret must not authenticate a client-jwt client: "
                + secret.body());
    }

    private JsonNode shippedPaymentService() throws IOException {
        for (JsonNode client : Json.parse(Files.readString(REALM_FILE)).path("clients")) {
            if (TxauthServer.PAYMENT_SERVICE.equals(client.path("clientId").asText())) {
                return client;
            }
        }
        throw new AssertionError("payment-service missing from " + REALM_FILE);
    }

    /** RFC 7523 client assertion, PS256, audience the issuer (FAPI 2.0 §5.3.2.1). */
    private String assertion() throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = b64(Json.write(Map.of("alg", "PS256", "typ", "JWT", "kid", KID)));
        String claims = b64(Json.write(Map.of("iss", clientId, "sub", clientId, "aud", server.realmUrl(),
                "jti", UUID.randomUUID().toString(), "iat", now, "exp", now + 60)));
        Signature pss = Signature.getInstance("RSASSA-PSS");
        pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        pss.initSign(key.getPrivate());
        pss.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(pss.sign());
    }

    private Map<String, Object> publicJwk() {
        RSAPublicKey rsa = (RSAPublicKey) key.getPublic();
        return Map.of("kty", "RSA", "use", "sig", "alg", "PS256", "kid", KID, "n", unsigned(rsa.getModulus()),
                "e", unsigned(rsa.getPublicExponent()));
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
