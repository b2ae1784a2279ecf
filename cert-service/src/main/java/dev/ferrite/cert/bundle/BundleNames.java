package dev.ferrite.cert.bundle;

import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** What a bundle may be called: listeners and connectors refer to bundles by these names. */
public final class BundleNames {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,63}");

    private BundleNames() {
    }

    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    static String require(String name) {
        if (!isValid(name)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "A bundle name is 1 to 63 lowercase letters, digits and '-'");
        }
        return name;
    }
}
