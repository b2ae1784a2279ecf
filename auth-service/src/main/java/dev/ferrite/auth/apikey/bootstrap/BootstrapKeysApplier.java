package dev.ferrite.auth.apikey.bootstrap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.ferrite.auth.apikey.ApiKey;
import dev.ferrite.auth.apikey.ApiKeyProperties;
import dev.ferrite.auth.apikey.ApiKeyRepository;
import dev.ferrite.auth.apikey.ApiKeySecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the bootstrap file at every start, before the service takes requests: each line's
 * key exists afterwards with the line's secret and role. Whether it is enabled, its
 * description and expiry stay as an operator set them through the API. A key that came from
 * the file and is no longer in it is deleted, so that removing a leaked key from the file
 * and restarting revokes it.
 */
@Component
public class BootstrapKeysApplier implements SmartInitializingSingleton {

    /** EMQX names bootstrap keys this way too. */
    static final String NAME_PREFIX = "from_bootstrap_file_";
    private static final Logger log = LoggerFactory.getLogger(BootstrapKeysApplier.class);
    private static final Set<PosixFilePermission> READABLE_BY_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

    private final ApiKeyProperties properties;
    private final ApiKeyRepository repository;
    private final ApiKeySecrets secrets;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public BootstrapKeysApplier(ApiKeyProperties properties, ApiKeyRepository repository, ApiKeySecrets secrets,
            TransactionTemplate transaction, Clock clock) {
        this.properties = properties;
        this.repository = repository;
        this.secrets = secrets;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Path file = properties.bootstrapFile();
        if (file == null) {
            log.info("No API key bootstrap file configured (ferrite.auth.api-key.bootstrap-file)");
            return;
        }
        List<BootstrapKey> keys = BootstrapFileParser.parse(file);
        warnIfReadableByOthers(file);
        int[] created = {0};
        int[] removed = {0};
        transaction.executeWithoutResult(status -> {
            keys.forEach(key -> {
                if (apply(file, key)) {
                    created[0]++;
                }
            });
            removed[0] = removeKeysNoLongerInFile(keys);
        });
        log.info("Applied API key bootstrap file {}: {} keys, {} of them new; {} removed from the file deleted",
                file, keys.size(), created[0], removed[0]);
    }

    private int removeKeysNoLongerInFile(List<BootstrapKey> keys) {
        Set<String> inFile = keys.stream().map(BootstrapKey::apiKey).collect(Collectors.toSet());
        List<ApiKey> dropped = repository.findAll().stream()
                .filter(key -> key.source() == ApiKey.Source.BOOTSTRAP_FILE && !inFile.contains(key.apiKey()))
                .toList();
        dropped.forEach(key -> {
            repository.delete(key.name());
            log.info("Deleted API key '{}': it came from the bootstrap file and is no longer there", key.name());
        });
        return dropped.size();
    }

    /** @return whether the key was new */
    private boolean apply(Path file, BootstrapKey line) {
        Optional<ApiKey> existing = repository.findByApiKey(line.apiKey());
        if (existing.isPresent()) {
            ApiKey current = existing.get();
            String hash = secrets.matches(line.secret(), current.secretHash()) ? current.secretHash() : secrets.hash(line.secret());
            repository.update(new ApiKey(current.name(), current.apiKey(), hash, line.role(), current.description(),
                    current.enabled(), current.expiresAt(), current.createdAt(), ApiKey.Source.BOOTSTRAP_FILE));
            return false;
        }
        String name = NAME_PREFIX + line.apiKey();
        if (repository.findByName(name).isPresent()) {
            throw new BootstrapFileException(file, line.lineNumber(),
                    "an API key named '" + name + "' already exists with another key; rename or delete it");
        }
        repository.insert(new ApiKey(name, line.apiKey(), secrets.hash(line.secret()), line.role(),
                "From the bootstrap file", true, null, clock.instant(), ApiKey.Source.BOOTSTRAP_FILE));
        return true;
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (view != null && view.readAttributes().permissions().stream().anyMatch(READABLE_BY_OTHERS::contains)) {
                log.warn("API key bootstrap file {} holds secrets but can be read by other users; chmod 600 it", file);
            }
        } catch (java.io.IOException e) {
            log.debug("Cannot read the permissions of {}", file, e);
        }
    }
}
