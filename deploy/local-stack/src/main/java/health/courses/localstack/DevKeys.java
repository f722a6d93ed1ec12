package health.courses.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA pair that signs dev tokens. Base64 DER on purpose: the public half goes straight into
 * {@code mp.jwt.verify.publickey}, which accepts base64 X.509 without PEM armour.
 */
public record DevKeys(String publicKeyBase64, String privateKeyBase64) {

    private static final String PUBLIC_FILE = "jwt-public.b64";
    private static final String PRIVATE_FILE = "jwt-private.b64";

    public static DevKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Base64.Encoder base64 = Base64.getEncoder();
            return new DevKeys(base64.encodeToString(pair.getPublic().getEncoded()),
                    base64.encodeToString(pair.getPrivate().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA key pair", e);
        }
    }

    /** The local run keeps its pair under .local so tokens handed out stay valid across restarts. */
    public static DevKeys loadOrGenerate(Path directory) {
        Path publicFile = directory.resolve(PUBLIC_FILE);
        Path privateFile = directory.resolve(PRIVATE_FILE);
        try {
            if (Files.exists(publicFile) && Files.exists(privateFile)) {
                return new DevKeys(Files.readString(publicFile).trim(), Files.readString(privateFile).trim());
            }
            DevKeys keys = generate();
            Files.createDirectories(directory);
            Files.writeString(publicFile, keys.publicKeyBase64());
            Files.writeString(privateFile, keys.privateKeyBase64());
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the dev key pair in " + directory, e);
        }
    }

    public PublicKey publicKey() {
        return decodePublic(publicKeyBase64);
    }

    public PrivateKey privateKey() {
        return decodePrivate(privateKeyBase64);
    }

    public static PublicKey decodePublic(String base64) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a base64 X.509 RSA public key", e);
        }
    }

    public static PrivateKey decodePrivate(String base64) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a base64 PKCS#8 RSA private key", e);
        }
    }

    @Override
    public String toString() {
        return "DevKeys[public=" + publicKeyBase64.substring(0, 16) + "..., private=<hidden>]";
    }
}
