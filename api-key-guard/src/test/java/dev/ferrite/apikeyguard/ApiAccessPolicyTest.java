package dev.ferrite.apikeyguard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpMethod;

class ApiAccessPolicyTest {

    private static final HttpMethod[] ALL_METHODS = {HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.TRACE};

    @Test
    void administratorMayCallEveryMethodOnEveryPath() {
        for (HttpMethod method : ALL_METHODS) {
            assertThat(ApiAccessPolicy.permits(ApiRole.ADMINISTRATOR, method, "/api/v5/api_key"))
                    .as("%s /api/v5/api_key", method).isTrue();
            assertThat(ApiAccessPolicy.permits(ApiRole.ADMINISTRATOR, method, "/api/v5/publish"))
                    .as("%s /api/v5/publish", method).isTrue();
        }
    }

    @ParameterizedTest(name = "viewer {0} {1} -> {2}")
    @CsvSource({
            "GET, /api/v5/api_key, true",
            "HEAD, /api/v5/api_key, true",
            "OPTIONS, /api/v5/api_key, true",
            "GET, /api/v5/publish, true",
            "POST, /api/v5/api_key, false",
            "PUT, /api/v5/api_key/one, false",
            "PATCH, /api/v5/api_key/one, false",
            "DELETE, /api/v5/api_key/one, false",
            "TRACE, /api/v5/api_key, false",
            "POST, /api/v5/publish, false",
            "POST, /api/v5/publish/bulk, false"})
    void viewerMayOnlyRead(String method, String path, boolean permitted) {
        assertThat(ApiAccessPolicy.permits(ApiRole.VIEWER, HttpMethod.valueOf(method), path)).isEqualTo(permitted);
    }

    @ParameterizedTest(name = "publisher {0} {1} -> {2}")
    @CsvSource({
            "POST, /api/v5/publish, true",
            "POST, /api/v5/publish/bulk, true",
            "GET, /api/v5/publish, false",
            "PUT, /api/v5/publish, false",
            "DELETE, /api/v5/publish, false",
            "GET, /api/v5/api_key, false",
            "HEAD, /api/v5/api_key, false",
            "OPTIONS, /api/v5/publish, false",
            "POST, /api/v5/api_key, false",
            "POST, /api/v5/publish/, false",
            "POST, /api/v5/publish/bulk/extra, false",
            "POST, /api/v5/publishing, false",
            "POST, /api/v4/publish, false"})
    void publisherMayOnlyPostToThePublishEndpoints(String method, String path, boolean permitted) {
        assertThat(ApiAccessPolicy.permits(ApiRole.PUBLISHER, HttpMethod.valueOf(method), path)).isEqualTo(permitted);
    }
}
