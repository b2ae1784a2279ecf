package dev.ferrite.apikeyguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ApiKeyAuthenticationFilterBasicCredentialsTest {

    @Test
    void splitsKeyAndSecret() {
        assertThat(ApiKeyAuthenticationFilter.basicCredentials("Basic " + encode("key1:secret1")))
                .hasValueSatisfying(credentials -> assertThat(credentials).containsExactly("key1", "secret1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic ", "basic ", "BASIC ", "bAsIc "})
    void acceptsTheSchemeInAnyCase(String scheme) {
        assertThat(ApiKeyAuthenticationFilter.basicCredentials(scheme + encode("key1:secret1")))
                .hasValueSatisfying(credentials -> assertThat(credentials).containsExactly("key1", "secret1"));
    }

    @Test
    void keepsEveryColonAfterTheFirstInTheSecret() {
        assertThat(ApiKeyAuthenticationFilter.basicCredentials("Basic " + encode("key1:se:cr:et:")))
                .hasValueSatisfying(credentials -> assertThat(credentials).containsExactly("key1", "se:cr:et:"));
    }

    @Test
    void decodesUtf8() {
        assertThat(ApiKeyAuthenticationFilter.basicCredentials("Basic " + encode("clé:sécret")))
                .hasValueSatisfying(credentials -> assertThat(credentials).containsExactly("clé", "sécret"));
    }

    @Test
    void ignoresSurroundingWhitespaceAroundTheEncodedPart() {
        assertThat(ApiKeyAuthenticationFilter.basicCredentials("Basic  " + encode("key1:secret1") + " "))
                .hasValueSatisfying(credentials -> assertThat(credentials).containsExactly("key1", "secret1"));
    }

    @Test
    void rejectsOtherSchemes() {
        assertThat(ApiKeyAuthenticationFilter.basicCredentials("Bearer " + encode("key1:secret1"))).isEmpty();
        assertThat(ApiKeyAuthenticationFilter.basicCredentials("Digest username=\"key1\"")).isEmpty();
        assertThat(ApiKeyAuthenticationFilter.basicCredentials("Basic" + encode("key1:secret1"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Basic", "Basic ", "basic"})
    void rejectsAHeaderWithoutCredentials(String header) {
        assertThat(ApiKeyAuthenticationFilter.basicCredentials(header)).isEmpty();
    }

    @Test
    void rejectsBadBase64() {
        assertThat(ApiKeyAuthenticationFilter.basicCredentials("Basic not*base64!")).isEmpty();
        assertThat(ApiKeyAuthenticationFilter.basicCredentials("Basic a2V5MTpzZWNyZXQx=====")).isEmpty();
    }

    @Test
    void rejectsCredentialsWithoutAColon() {
        assertThat(ApiKeyAuthenticationFilter.basicCredentials("Basic " + encode("key1secret1"))).isEmpty();
    }

    @Test
    void rejectsAnEmptyKey() {
        assertThat(ApiKeyAuthenticationFilter.basicCredentials("Basic " + encode(":secret1"))).isEmpty();
    }

    @Test
    void rejectsAnEmptySecret() {
        assertThat(ApiKeyAuthenticationFilter.basicCredentials("Basic " + encode("key1:"))).isEmpty();
    }

    private static String encode(String credentials) {
        return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
