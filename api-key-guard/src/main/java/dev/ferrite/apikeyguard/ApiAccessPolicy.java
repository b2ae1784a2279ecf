package dev.ferrite.apikeyguard;

import java.util.Set;

import org.springframework.http.HttpMethod;

/** Which requests each role may make once its key has been verified. */
public final class ApiAccessPolicy {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    /** EMQX's publish endpoints, the only ones a publisher key may call. */
    private static final Set<String> PUBLISH_PATHS = Set.of("/api/v5/publish", "/api/v5/publish/bulk");

    private ApiAccessPolicy() {
    }

    public static boolean permits(ApiRole role, HttpMethod method, String path) {
        return switch (role) {
            case ADMINISTRATOR -> true;
            case VIEWER -> READS.contains(method);
            case PUBLISHER -> HttpMethod.POST.equals(method) && PUBLISH_PATHS.contains(path);
        };
    }
}
