package io.sweep.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes: PBKDF2-HMAC-SHA256 from the JDK, a random 16-byte salt per password, stored
 * as {@code pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>} so the iteration count can
 * grow later without breaking stored hashes. 310,000 iterations is OWASP's advice for this
 * function; one hash costs a few hundred milliseconds here, which is the point.
 */
public final class Passwords {
    public static final int ITERATIONS = 310_000;
    /** Shorter passwords are refused when set through the API or the CLI. */
    public static final int MIN_LENGTH = 8;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Verified against when the e-mail is unknown, so an unknown e-mail takes as long as a wrong password. */
    private static final String DECOY = hash("decoy password, never matches");

    private Passwords() {}

    public static String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = pbkdf2(password, salt, ITERATIONS);
        var b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** Whether the password matches the stored hash; false for a null or unreadable hash. Compares in constant time. */
    public static boolean verify(String password, String stored) {
        if (password == null) return false;
        if (stored == null) {
            verify(password, DECOY);
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) return false;
        try {
            int iterations = Integer.parseInt(parts[1]);
            var b64 = Base64.getDecoder();
            byte[] salt = b64.decode(parts[2]);
            byte[] expected = b64.decode(parts[3]);
            return MessageDigest.isEqual(expected, pbkdf2(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the time of one verification, for a login whose e-mail matched nobody. */
    public static void verifyDecoy(String password) {
        verify(password == null ? "" : password, DECOY);
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        var spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
