package id.lumbung.registry.dci;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Client secrets are kept only as PBKDF2-HMAC-SHA256 hashes, so the configuration never holds a usable
 * secret. {@code java id.lumbung.registry.dci.ClientSecrets <secret>} prints the hash for a new client.
 */
public final class ClientSecrets {

    private static final String SCHEME = "pbkdf2-sha256";
    private static final int ITERATIONS = 210_000;

    private ClientSecrets() {
    }

    public static String hash(String secret) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        var b64 = Base64.getEncoder();
        return SCHEME + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(secret, salt, ITERATIONS));
    }

    public static boolean matches(String secret, String stored) {
        if (secret == null || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return false;
        }
        var b64 = Base64.getDecoder();
        byte[] expected = b64.decode(parts[3]);
        byte[] actual = derive(secret, b64.decode(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(String secret, byte[] salt, int iterations) {
        try {
            var spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 unavailable", e);
        }
    }

    public static void main(String[] args) {
        System.out.println(hash(args[0]));
    }
}
