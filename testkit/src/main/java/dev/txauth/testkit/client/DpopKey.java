package dev.txauth.testkit.client;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One app instance's DPoP key (RFC 9449), as a mobile app keeps it in its keystore: an EC P-256 key pair, its RFC 7638
 * thumbprint (the {@code dpop_jkt} of the authorization request and the bound device of docs/api.md §8), and proofs
 * ({@code typ dpop+jwt}, ES256, the public JWK in the header) for the token endpoint and for resource calls.
 */
public final class DpopKey {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private final Map<String, String> jwk;
    private final String thumbprint;

    private DpopKey(KeyPair keys) {
        this.keys = keys;
        ECPublicKey pub = (ECPublicKey) keys.getPublic();
        // RFC 7638: the required members only, in lexicographic order, no whitespace.
        this.jwk = new LinkedHashMap<>();
        jwk.put("crv", "P-256");
        jwk.put("kty", "EC");
        jwk.put("x", B64.encodeToString(coordinate(pub.getW().getAffineX())));
        jwk.put("y", B64.encodeToString(coordinate(pub.getW().getAffineY())));
        this.thumbprint = B64.encodeToString(sha256(Json.write(jwk)));
    }

    /**
     * The phone every test user has the app on, unless a test says otherwise: one key for the whole test run, which
     * {@code TestUsers} binds for each established user (docs/api.md §8), so a story about payments or risk that
     * signs one user in from several browsers never meets the bind page. A second phone is {@link #generate()}.
     */
    public static final DpopKey TEST_PHONE = generate();

    /** A fresh key, as a newly installed app generates on first start. */
    public static DpopKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return new DpopKey(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The private key, PKCS#8 DER in base64: for an external load generator (load-tests/) playing this phone. */
    public String privateKeyPkcs8() {
        return Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded());
    }

    /** The RFC 7638 SHA-256 thumbprint, base64url: {@code dpop_jkt} and the token's {@code cnf.jkt}. */
    public String thumbprint() {
        return thumbprint;
    }

    /** A proof for a token-endpoint request (no access token yet). */
    public String proof(String method, URI uri) {
        return proof(method, uri, null);
    }

    /** A proof for {@code method uri}; with {@code accessToken} it carries {@code ath} (RFC 9449 §4.2) for a resource call. */
    public String proof(String method, URI uri, String accessToken) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("typ", "dpop+jwt");
        header.put("alg", "ES256");
        header.put("jwk", jwk);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("htm", method);
        claims.put("htu", htu(uri));
        claims.put("iat", System.currentTimeMillis() / 1000);
        if (accessToken != null) {
            claims.put("ath", B64.encodeToString(sha256(accessToken)));
        }
        String input = B64.encodeToString(Json.write(header).getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
            signer.initSign(keys.getPrivate());
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Adds {@code Authorization: DPoP <token>} and a fresh proof with {@code ath} for this request's method and URI: how
     * the app calls an API with its DPoP-bound access token (RFC 9449 §7).
     */
    public HttpRequest.Builder authorize(HttpRequest.Builder request, String method, URI uri, String accessToken) {
        return request.header("Authorization", "DPoP " + accessToken)
                .header("DPoP", proof(method, uri, accessToken));
    }

    /** {@code htu}: the URI without query and fragment (RFC 9449 §4.2). */
    private static String htu(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
    }

    private static byte[] coordinate(BigInteger value) {
        byte[] raw = value.toByteArray();
        if (raw.length == 32) {
            return raw;
        }
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "DpopKey[" + thumbprint + "]";
    }
}
