package id.ltsa.relay.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The development RSA key pair: the services verify tokens with the public key, {@link DevTokens} signs with the
 * private one. Made once per local stack (or test JVM) and kept in PEM files. Never used outside development.
 */
public final class DevKeys {

    private final Path publicKey;
    private final Path privateKey;

    private DevKeys(Path directory) {
        this.publicKey = directory.resolve("dev-public.pem");
        this.privateKey = directory.resolve("dev-private.pem");
    }

    /** The key pair in {@code directory}, made there if it is not there yet. */
    public static DevKeys in(Path directory) {
        DevKeys keys = new DevKeys(directory);
        if (!Files.exists(keys.privateKey)) {
            keys.generate();
        }
        return keys;
    }

    private void generate() {
        try {
            Files.createDirectories(privateKey.getParent());
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path publicKeyFile() {
        return publicKey;
    }

    /** The public key as a JSON Web Key Set with one key, {@code keyId}: what an identity provider's JWKS URL serves. */
    public String jwks(String keyId) {
        try {
            String base64 = Files.readString(publicKey)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            java.security.PublicKey key = KeyFactory.getInstance("RSA")
                    .generatePublic(new java.security.spec.X509EncodedKeySpec(
                            Base64.getDecoder().decode(base64)));
            org.jose4j.jwk.RsaJsonWebKey jwk =
                    new org.jose4j.jwk.RsaJsonWebKey((java.security.interfaces.RSAPublicKey) key);
            jwk.setKeyId(keyId);
            jwk.setAlgorithm("RS256");
            jwk.setUse("sig");
            return new org.jose4j.jwk.JsonWebKeySet(jwk).toJson();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PrivateKey privateKey() {
        try {
            String base64 = Files.readString(privateKey)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
