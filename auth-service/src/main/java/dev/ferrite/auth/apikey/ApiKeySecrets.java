package dev.ferrite.auth.apikey;

import java.security.SecureRandom;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Makes API keys and secrets, and keeps secrets only as slow salted hashes (bcrypt, with the
 * algorithm named in the stored value so that it can be changed later).
 */
@Component
public class ApiKeySecrets {

    private static final String KEY_ALPHABET = "0123456789abcdef";
    private static final String SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int KEY_LENGTH = 16;
    private static final int SECRET_LENGTH = 48;

    private final SecureRandom random = new SecureRandom();
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    /** Checked against when the key is unknown, so that unknown and known keys take as long. */
    private final String decoyHash = encoder.encode(randomString(SECRET_ALPHABET, SECRET_LENGTH));

    public String newApiKey() {
        return randomString(KEY_ALPHABET, KEY_LENGTH);
    }

    public String newSecret() {
        return randomString(SECRET_ALPHABET, SECRET_LENGTH);
    }

    public String hash(String secret) {
        return encoder.encode(secret);
    }

    /** Compares in constant time with respect to the secret. */
    public boolean matches(String secret, String hash) {
        return encoder.matches(secret, hash);
    }

    /** Spends the time of one comparison, for a key that does not exist. */
    public void matchDecoy(String secret) {
        encoder.matches(secret, decoyHash);
    }

    private String randomString(String alphabet, int length) {
        StringBuilder builder = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            builder.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return builder.toString();
    }
}
