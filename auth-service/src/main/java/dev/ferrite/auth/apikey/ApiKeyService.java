package dev.ferrite.auth.apikey;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.ferrite.apikeyguard.ApiRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** Creating, changing and removing management API keys. */
@Service
public class ApiKeyService {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyService.class);

    private final ApiKeyRepository repository;
    private final ApiKeySecrets secrets;
    private final Clock clock;

    public ApiKeyService(ApiKeyRepository repository, ApiKeySecrets secrets, Clock clock) {
        this.repository = repository;
        this.secrets = secrets;
        this.clock = clock;
    }

    public List<ApiKeyJson.View> list() {
        Instant now = clock.instant();
        return repository.findAll().stream().map(key -> ApiKeyJson.View.of(key, now)).toList();
    }

    public ApiKeyJson.View get(String name) {
        return ApiKeyJson.View.of(find(name), clock.instant());
    }

    @Transactional
    public ApiKeyJson.View create(ApiKeyJson.CreateRequest request) {
        if (repository.findByName(request.name()).isPresent()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "An API key named '" + request.name() + "' already exists");
        }
        Instant now = clock.instant();
        Instant expiresAt = ExpiredAt.parse(request.expiredAt());
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidApiKeyException("expired_at " + expiresAt + " is not in the future");
        }
        String secret = secrets.newSecret();
        ApiKey key = new ApiKey(request.name(), secrets.newApiKey(), secrets.hash(secret), role(request.role()),
                request.desc() == null ? "" : request.desc(), request.enable() == null || request.enable(),
                expiresAt, now, ApiKey.Source.API);
        repository.insert(key);
        log.info("Created API key '{}' ({}) with role {}", key.name(), key.apiKey(), key.role().wireName());
        return ApiKeyJson.View.withSecret(key, now, secret);
    }

    @Transactional
    public ApiKeyJson.View update(String name, ApiKeyJson.UpdateRequest request) {
        ApiKey current = find(name);
        ApiKey changed = new ApiKey(current.name(), current.apiKey(), current.secretHash(),
                request.role() == null ? current.role() : role(request.role()),
                request.desc() == null ? current.description() : request.desc(),
                request.enable() == null ? current.enabled() : request.enable(),
                request.expiredAt() == null ? current.expiresAt() : ExpiredAt.parse(request.expiredAt()),
                current.createdAt(), current.source());
        repository.update(changed);
        log.info("Updated API key '{}': role {}, enabled {}, expires {}", name, changed.role().wireName(),
                changed.enabled(), ExpiredAt.format(changed.expiresAt()));
        return ApiKeyJson.View.of(changed, clock.instant());
    }

    @Transactional
    public void delete(String name) {
        if (!repository.delete(name)) {
            throw notFound(name);
        }
        log.info("Deleted API key '{}'", name);
    }

    private ApiKey find(String name) {
        return repository.findByName(name).orElseThrow(() -> notFound(name));
    }

    private static ResponseStatusException notFound(String name) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No API key named '" + name + "'");
    }

    private static ApiRole role(String name) {
        if (name == null) {
            return ApiRole.DEFAULT;
        }
        return ApiRole.fromWireName(name).orElseThrow(() -> new InvalidApiKeyException(
                "role must be one of " + ApiRole.wireNames() + ", was '" + name + "'"));
    }
}
