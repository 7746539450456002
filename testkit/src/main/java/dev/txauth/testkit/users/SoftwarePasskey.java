package dev.txauth.testkit.users;

import dev.txauth.testkit.client.Json;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A software WebAuthn authenticator (EC P-256, ES256) that produces real assertions, for driving the passkey path over
 * plain HTTP the way a native app's platform API would. Byte layouts follow WebAuthn L2: authenticatorData =
 * SHA-256(rpId) ‖ flags ‖ signCount (§6.1), signature = ES256 over authenticatorData ‖ SHA-256(clientDataJSON)
 * (§6.3.3), public key as a COSE_Key (RFC 9053 §7.1.1). Each {@link #assertion} advances the signature counter.
 */
public final class SoftwarePasskey {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final int FLAG_UP = 0x01;
    private static final int FLAG_UV = 0x04;
    /** AAGUID of a software authenticator that claims no model (all zero, as "none" attestation reports). */
    private static final String AAGUID = "00000000-0000-0000-0000-000000000000";

    private final byte[] credentialId = new byte[32];
    private final KeyPair keys;
    private long signCount;
    private boolean keepsCounter = true;

    /**
     * A passkey whose authenticator keeps no signature counter (always 0, as many synced platform passkeys report):
     * its assertions may arrive in any order, e.g. several confirmations racing in parallel.
     */
    public static SoftwarePasskey withoutSignCounter() {
        SoftwarePasskey key = new SoftwarePasskey();
        key.keepsCounter = false;
        return key;
    }

    public SoftwarePasskey() {
        new SecureRandom().nextBytes(credentialId);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] credentialId() {
        return credentialId.clone();
    }

    public String credentialIdBase64Url() {
        return B64URL.encodeToString(credentialId);
    }

    /** For re-verifying stored evidence independently of txauth's code. */
    public java.security.PublicKey publicKey() {
        return keys.getPublic();
    }

    public long signCount() {
        return signCount;
    }

    /** The COSE_Key of the public key: {1: 2 (EC2), 3: -7 (ES256), -1: 1 (P-256), -2: x, -3: y}, CBOR-encoded. */
    public byte[] cosePublicKey() {
        ECPublicKey key = (ECPublicKey) keys.getPublic();
        ByteArrayOutputStream cbor = new ByteArrayOutputStream();
        cbor.write(0xa5); // map of 5 pairs
        cbor.writeBytes(new byte[]{0x01, 0x02}); // kty: EC2
        cbor.writeBytes(new byte[]{0x03, 0x26}); // alg: -7 (ES256)
        cbor.writeBytes(new byte[]{0x20, 0x01}); // crv: P-256
        cbor.writeBytes(new byte[]{0x21, 0x58, 0x20}); // x: 32-byte string
        cbor.writeBytes(unsigned32(key.getW().getAffineX()));
        cbor.writeBytes(new byte[]{0x22, 0x58, 0x20}); // y: 32-byte string
        cbor.writeBytes(unsigned32(key.getW().getAffineY()));
        return cbor.toByteArray();
    }

    /**
     * The credential as Keycloak stores a registered WebAuthn key, for the admin REST user representation
     * ({@code credentials[]}): id in standard base64, COSE key in base64url, counter 0, no attestation.
     *
     * @param type {@code webauthn} (second factor) or {@code webauthn-passwordless}
     */
    public Map<String, Object> keycloakCredential(String type, String label) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("aaguid", AAGUID);
        data.put("credentialId", Base64.getEncoder().encodeToString(credentialId));
        data.put("counter", 0);
        data.put("attestationStatement", null);
        data.put("credentialPublicKey", B64URL.encodeToString(cosePublicKey()));
        data.put("attestationStatementFormat", "none");
        data.put("transports", List.of("internal"));
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("type", type);
        credential.put("userLabel", label);
        credential.put("credentialData", Json.write(data));
        credential.put("secretData", "{}");
        return credential;
    }

    /**
     * Signs a {@code webauthn.get} for this challenge as a browser at {@code origin} would, returning the fields
     * txauth's confirmation form takes ({@code credentialId}, {@code clientDataJSON}, {@code authenticatorData},
     * {@code signature}, {@code userHandle}), base64url. {@code userId} is the Keycloak user id (the WebAuthn
     * user handle Keycloak registers), or null to omit it.
     */
    public Map<String, String> assertion(byte[] challenge, String origin, String rpId, String userId) {
        String clientData = "{\"type\":\"webauthn.get\",\"challenge\":\"" + B64URL.encodeToString(challenge)
                + "\",\"origin\":\"" + origin + "\",\"crossOrigin\":false}";
        byte[] clientDataJSON = clientData.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        authData.write(FLAG_UP | FLAG_UV);
        authData.writeBytes(ByteBuffer.allocate(4).putInt(keepsCounter ? (int) ++signCount : 0).array());
        byte[] authenticatorData = authData.toByteArray();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("credentialId", B64URL.encodeToString(credentialId));
        form.put("clientDataJSON", B64URL.encodeToString(clientDataJSON));
        form.put("authenticatorData", B64URL.encodeToString(authenticatorData));
        form.put("signature", B64URL.encodeToString(sign(authenticatorData, sha256(clientDataJSON))));
        form.put("userHandle", userId == null ? "" : B64URL.encodeToString(userId.getBytes(StandardCharsets.UTF_8)));
        return form;
    }

    /** SHA-256(canonical detail ‖ nonce): the transaction challenge, computed independently of txauth's code. */
    public static byte[] transactionChallenge(String canonicalDetailJson, byte[] nonce) {
        MessageDigest sha256 = sha256Digest();
        sha256.update(canonicalDetailJson.getBytes(StandardCharsets.UTF_8));
        sha256.update(nonce);
        return sha256.digest();
    }

    private byte[] sign(byte[] authenticatorData, byte[] clientDataHash) {
        try {
            Signature es256 = Signature.getInstance("SHA256withECDSA");
            es256.initSign(keys.getPrivate());
            es256.update(authenticatorData);
            es256.update(clientDataHash);
            return es256.sign(); // ASN.1 DER, as WebAuthn requires for ES256
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] raw = value.toByteArray();
        if (raw.length == 32) {
            return raw;
        }
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }

    private static byte[] sha256(byte[] data) {
        return sha256Digest().digest(data);
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "SoftwarePasskey[" + Arrays.hashCode(credentialId) + "]";
    }
}
