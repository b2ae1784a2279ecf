package dev.ferrite.auth.apikey.bootstrap;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.ferrite.apikeyguard.ApiRole;

/**
 * Reads the API key bootstrap file: one {@code key:secret[:role]} a line (EMQX 4.4's
 * {@code appid:secret} included), {@code #} comments and blank lines allowed.
 */
public final class BootstrapFileParser {

    static final int MAX_KEY_LENGTH = 256;
    static final int MAX_SECRET_LENGTH = 1024;
    /** Some editors start UTF-8 files with one; Java keeps it as part of the first line. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private BootstrapFileParser() {
    }

    public static List<BootstrapKey> parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BootstrapFileException(file, "the file does not exist", e);
        } catch (CharacterCodingException e) {
            throw new BootstrapFileException(file, "the file is not UTF-8 text", e);
        } catch (IOException e) {
            throw new BootstrapFileException(file, "the file cannot be read (" + e.getMessage() + ")", e);
        }
        if (!lines.isEmpty() && lines.get(0).startsWith(BYTE_ORDER_MARK)) {
            lines.set(0, lines.get(0).substring(BYTE_ORDER_MARK.length()));
        }
        List<BootstrapKey> keys = new ArrayList<>();
        Map<String, Integer> lineOfKey = new HashMap<>();
        for (int index = 0; index < lines.size(); index++) {
            int lineNumber = index + 1;
            String line = lines.get(index).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            BootstrapKey key = parseLine(file, lineNumber, line);
            Integer earlier = lineOfKey.putIfAbsent(key.apiKey(), lineNumber);
            if (earlier != null) {
                throw new BootstrapFileException(file, lineNumber,
                        "key '" + key.apiKey() + "' is already defined on line " + earlier);
            }
            keys.add(key);
        }
        return keys;
    }

    private static BootstrapKey parseLine(Path file, int lineNumber, String line) {
        String[] fields = line.split(":", -1);
        if (fields.length < 2 || fields.length > 3) {
            throw new BootstrapFileException(file, lineNumber,
                    "expected key:secret or key:secret:role, found " + fields.length
                            + (fields.length == 1 ? " field" : " fields"));
        }
        String apiKey = fields[0].strip();
        String secret = fields[1].strip();
        if (apiKey.isEmpty()) {
            throw new BootstrapFileException(file, lineNumber, "the key is empty");
        }
        if (apiKey.length() > MAX_KEY_LENGTH || apiKey.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new BootstrapFileException(file, lineNumber,
                    "the key must be at most " + MAX_KEY_LENGTH + " characters without spaces or control characters");
        }
        if (secret.isEmpty()) {
            throw new BootstrapFileException(file, lineNumber, "the secret of key '" + apiKey + "' is empty");
        }
        if (secret.length() > MAX_SECRET_LENGTH) {
            throw new BootstrapFileException(file, lineNumber,
                    "the secret of key '" + apiKey + "' is longer than " + MAX_SECRET_LENGTH + " characters");
        }
        ApiRole role = ApiRole.DEFAULT;
        if (fields.length == 3) {
            String roleName = fields[2].strip();
            // The field is not echoed: when a secret holds a ':', it is the end of the secret.
            role = ApiRole.fromWireName(roleName).orElseThrow(() -> new BootstrapFileException(file, lineNumber,
                    "the third field is not a role; the roles are " + ApiRole.wireNames()
                            + " (a secret cannot contain ':')"));
        }
        return new BootstrapKey(lineNumber, apiKey, secret, role);
    }
}
