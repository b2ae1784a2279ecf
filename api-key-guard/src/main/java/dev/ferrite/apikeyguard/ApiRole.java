package dev.ferrite.apikeyguard;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What an API key may do: EMQX's three roles. */
public enum ApiRole {
    /** Everything. */
    ADMINISTRATOR,
    /** Reads only. */
    VIEWER,
    /** The publish endpoints only. */
    PUBLISHER;

    public static final ApiRole DEFAULT = ADMINISTRATOR;

    /** The name used in files and JSON: {@code administrator}, {@code viewer}, {@code publisher}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ApiRole> fromWireName(String name) {
        return Arrays.stream(values()).filter(role -> role.wireName().equals(name)).findFirst();
    }

    public static String wireNames() {
        return Arrays.stream(values()).map(ApiRole::wireName).collect(Collectors.joining(", "));
    }
}
