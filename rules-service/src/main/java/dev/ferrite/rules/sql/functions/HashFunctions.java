package dev.ferrite.rules.sql.functions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import dev.ferrite.rules.sql.value.EvaluationFailure;

/** Digests of a string's UTF-8 bytes, as lowercase hex: md5, sha, sha256, and hash(algorithm, data). */
final class HashFunctions {

    private static final Map<String, String> ALGORITHMS = Map.of(
            "md5", "MD5", "sha", "SHA-1", "sha1", "SHA-1", "sha224", "SHA-224", "sha256", "SHA-256",
            "sha384", "SHA-384", "sha512", "SHA-512", "sha3_256", "SHA3-256", "sha3_512", "SHA3-512");

    private HashFunctions() {
    }

    static void register(FunctionTable table) {
        table.define("md5", 1, (args, scope) -> digest("md5", Args.text(args, 0)));
        table.define("sha", 1, (args, scope) -> digest("sha", Args.text(args, 0)));
        table.define("sha256", 1, (args, scope) -> digest("sha256", Args.text(args, 0)));
        table.define("hash", 2, (args, scope) -> digest(Args.string(args, 0), Args.text(args, 1)));
    }

    private static String digest(String algorithm, String data) {
        String javaName = ALGORITHMS.get(algorithm);
        if (javaName == null) {
            throw new EvaluationFailure("unknown hash algorithm " + algorithm + "; known: " + ALGORITHMS.keySet());
        }
        try {
            byte[] digest = MessageDigest.getInstance(javaName).digest(data.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new EvaluationFailure("hash algorithm " + algorithm + " is not available", e);
        }
    }
}
