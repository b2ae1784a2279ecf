package dev.ferrite.cert.ca;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import dev.ferrite.cert.CertProperties;
import dev.ferrite.cert.pem.Pem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The CAs this service runs, loaded at start (creating {@code default} on the first start) and
 * held in memory with their issuing keys decrypted.
 */
@Component
public class CaRegistry {

    public static final String DEFAULT_CA = "default";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Logger log = LoggerFactory.getLogger(CaRegistry.class);

    private final CaRepository repository;
    private final KeyEncryption encryption;
    private final Clock clock;
    private final Map<String, CertificateAuthority> cas = new ConcurrentHashMap<>();

    public CaRegistry(CaRepository repository, CertProperties properties, Clock clock, KeyEncryption encryption) {
        this.repository = repository;
        this.clock = clock;
        this.encryption = encryption;
        repository.findAll().forEach(stored -> cas.put(stored.name(), load(stored)));
        if (cas.isEmpty() && properties.defaultCa().enabled()) {
            createDefault(properties.defaultCa());
        }
    }

    public Collection<CertificateAuthority> all() {
        return cas.values().stream().sorted(Comparator.comparing(CertificateAuthority::name)).toList();
    }

    public Optional<CertificateAuthority> find(String name) {
        return Optional.ofNullable(cas.get(name));
    }

    public CertificateAuthority get(String name) {
        return find(name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No CA named '" + name + "'"));
    }

    public synchronized CertificateAuthority importCa(String name, String chainPem, String keyPem) {
        requireValidName(name);
        if (cas.containsKey(name)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "A CA named '" + name + "' already exists");
        }
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        CaImport.Checked checked = CaImport.check(chainPem, keyPem, now);
        CertificateAuthority ca = new CertificateAuthority(name, checked.keyType(), checked.root(), checked.issuer(),
                checked.issuerKey(), now);
        repository.insert(new CaRepository.StoredCa(name, checked.keyType(), Pem.encode(checked.root()), null,
                Pem.encode(checked.issuer()), encryption.encrypt(checked.issuerKey(), name), now));
        cas.put(name, ca);
        log.info("Imported CA '{}': issuing certificate {}", name, checked.issuer().getSubjectX500Principal());
        return ca;
    }

    private void createDefault(CertProperties.DefaultCa settings) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        CaFactory.NewCa created = CaFactory.create(DEFAULT_CA, settings.keyType(), settings.rootValidity(),
                settings.intermediateValidity(), now);
        repository.insert(new CaRepository.StoredCa(DEFAULT_CA, settings.keyType(), Pem.encode(created.root()),
                encryption.encrypt(created.rootKeys().getPrivate(), DEFAULT_CA), Pem.encode(created.issuer()),
                encryption.encrypt(created.issuerKeys().getPrivate(), DEFAULT_CA), now));
        cas.put(DEFAULT_CA, new CertificateAuthority(DEFAULT_CA, settings.keyType(), created.root(), created.issuer(),
                created.issuerKeys().getPrivate(), now));
        log.info("Created CA '{}' ({}): root and issuing intermediate valid until {}", DEFAULT_CA,
                settings.keyType().wireName(), created.issuer().getNotAfter().toInstant());
    }

    private CertificateAuthority load(CaRepository.StoredCa stored) {
        X509Certificate root = Pem.certificates(stored.rootPem(), "stored root of CA " + stored.name()).get(0);
        X509Certificate issuer = Pem.certificates(stored.issuerPem(), "stored issuer of CA " + stored.name()).get(0);
        return new CertificateAuthority(stored.name(), stored.keyType(), root, issuer,
                encryption.decrypt(stored.issuerKey(), stored.name(), stored.keyType()), stored.createdAt());
    }

    static void requireValidName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "A CA name is 1 to 63 lowercase letters, digits and '-', starting with a letter or digit");
        }
    }

    public List<String> names() {
        return all().stream().map(CertificateAuthority::name).toList();
    }
}
