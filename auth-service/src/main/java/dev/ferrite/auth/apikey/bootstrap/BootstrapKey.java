package dev.ferrite.auth.apikey.bootstrap;

import dev.ferrite.apikeyguard.ApiRole;

/** One {@code key:secret[:role]} line of the bootstrap file. */
public record BootstrapKey(int lineNumber, String apiKey, String secret, ApiRole role) {

    @Override
    public String toString() {
        return "BootstrapKey[line " + lineNumber + ", " + apiKey + ", " + role.wireName() + "]";
    }
}
