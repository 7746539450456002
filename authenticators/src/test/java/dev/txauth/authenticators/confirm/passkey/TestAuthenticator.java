package dev.txauth.authenticators.confirm.passkey;

import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * A minimal ES256 authenticator for unit tests: its key is encoded by webauthn4j's own COSE classes (so the stored
 * form is what Keycloak would store), its assertions are built byte by byte after WebAuthn L2 §6.1 and §5.8.1, with
 * knobs to produce every defect the verifier must refuse. (The testkit's SoftwarePasskey plays the same part against
 * the real server; this module cannot depend on the testkit, which depends on it.)
 */
final class TestAuthenticator {

    static final int FLAG_UP = 0x01;
    static final int FLAG_UV = 0x04;

    final byte[] credentialId;
    private final KeyPair keys;
    private long counter;

    TestAuthenticator(long initialCounter) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        credentialId = new byte[16];
        new java.security.SecureRandom().nextBytes(credentialId);
        counter = initialCounter;
    }

    String publicKeyCose() {
        byte[] cbor = new ObjectConverter().getCborConverter()
                .writeValueAsBytes(EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cbor);
    }

    StoredPasskey stored(String modelId, long storedCounter) {
        return new StoredPasskey(modelId, credentialId, null, publicKeyCose(), storedCounter);
    }

    /** What a browser would return for this request; {@code counter} advances by one per call unless frozen. */
    Assertion sign(byte[] challenge, String origin, String rpId) {
        return sign(challenge, origin, rpId, "webauthn.get", FLAG_UP | FLAG_UV, ++counter);
    }

    Assertion sign(byte[] challenge, String origin, String rpId, String type, int flags, long signCount) {
        String clientData = "{\"type\":\"" + type + "\",\"challenge\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(challenge) + "\",\"origin\":\"" + origin
                + "\",\"crossOrigin\":false}";
        byte[] clientDataJSON = clientData.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        authData.write(flags);
        authData.writeBytes(ByteBuffer.allocate(4).putInt((int) signCount).array());
        byte[] authenticatorData = authData.toByteArray();
        try {
            Signature es256 = Signature.getInstance("SHA256withECDSA");
            es256.initSign(keys.getPrivate());
            es256.update(authenticatorData);
            es256.update(sha256(clientDataJSON));
            return new Assertion(credentialId, clientDataJSON, authenticatorData, es256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    record Assertion(byte[] credentialId, byte[] clientDataJSON, byte[] authenticatorData, byte[] signature) {
        AssertionInput input(byte[] userHandle) {
            return new AssertionInput(credentialId, clientDataJSON, authenticatorData, signature, userHandle);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
