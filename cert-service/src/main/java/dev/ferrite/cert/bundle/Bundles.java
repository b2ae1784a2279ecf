package dev.ferrite.cert.bundle;

import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.ferrite.cert.ca.CaRegistry;
import dev.ferrite.cert.ca.KeyType;
import dev.ferrite.cert.issue.CertificateIssuer;
import dev.ferrite.cert.pem.Pem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The managed certificate bundles. Every change is published as a {@link BundleChanged} while
 * this object's lock is held, so that watchers see changes in the order they happened and a new
 * watcher misses none between its snapshot and its first change.
 */
@Service
public class Bundles {

    /** A bundle after an upload or issue, and whether that created it. */
    public record Stored(Bundle bundle, boolean created) {
    }

    private static final Logger log = LoggerFactory.getLogger(Bundles.class);

    private final BundleRepository repository;
    private final BundleKeys keys;
    private final CertificateIssuer issuer;
    private final CaRegistry cas;
    private final BundleWatchers watchers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public Bundles(BundleRepository repository, BundleKeys keys, CertificateIssuer issuer, CaRegistry cas,
            BundleWatchers watchers, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.keys = keys;
        this.issuer = issuer;
        this.cas = cas;
        this.watchers = watchers;
        this.events = events;
        this.clock = clock;
    }

    public List<Bundle> all() {
        return repository.findAll();
    }

    public Bundle get(String name) {
        return repository.find(BundleNames.require(name)).orElseThrow(() -> notFound(name));
    }

    public synchronized Stored upload(String name, String chainPem, String keyPem, String caPem) {
        BundleNames.require(name);
        Instant now = now();
        BundleUpload.Checked checked = BundleUpload.check(chainPem, keyPem, caPem, now);
        Optional<Bundle> existing = repository.find(name);
        BundleVersion version = new BundleVersion(nextVersion(existing), Pem.encode(checked.chain().toArray()),
                keys.seal(name, checked.key()), checked.keyType(),
                checked.cas().isEmpty() ? null : Pem.encode(checked.cas().toArray()),
                checked.chain().get(0).getSerialNumber().toString(16), checked.chain().get(0).getNotAfter().toInstant(), now);
        Stored stored = store(name, existing, BundleSource.UPLOADED, null, version, BundleChanged.Type.UPDATED, now);
        log.info("Bundle '{}' version {}: uploaded certificate {} ({}), valid until {}", name, version.version(),
                version.serial(), checked.chain().get(0).getSubjectX500Principal(), version.notAfter());
        return stored;
    }

    public synchronized Stored issue(String name, BundleIssueRequest request) {
        BundleNames.require(name);
        Optional<Bundle> existing = repository.find(name);
        IssuedVersion issued = issueVersion(name, request.withDefaults(), nextVersion(existing));
        return store(name, existing, BundleSource.ISSUED, issued.parameters(), issued.version(),
                BundleChanged.Type.UPDATED, now());
    }

    /** Issues a fresh certificate and key with the parameters the bundle was issued with. */
    public synchronized Bundle rotate(String name) {
        Bundle bundle = get(name);
        if (bundle.source() != BundleSource.ISSUED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Bundle '" + name + "' was uploaded, so cert-service"
                    + " cannot issue its next certificate; upload it with PUT /api/v5/bundles/" + name);
        }
        IssuedVersion issued = issueVersion(name, bundle.issue(), bundle.current().version() + 1);
        return store(name, Optional.of(bundle), BundleSource.ISSUED, issued.parameters(), issued.version(),
                BundleChanged.Type.ROTATED, now()).bundle();
    }

    /** The consumers run the current version: the previous one is no longer kept. Idempotent. */
    public synchronized Bundle confirm(String name) {
        Bundle bundle = get(name);
        if (bundle.previous() == null) {
            return bundle;
        }
        Bundle confirmed = releasePrevious(bundle);
        log.info("Bundle '{}': version {} confirmed, version {} released", name, confirmed.current().version(),
                bundle.previous().version());
        return confirmed;
    }

    public synchronized void delete(String name) {
        Bundle bundle = get(name);
        repository.delete(name);
        log.info("Deleted bundle '{}' (version {})", name, bundle.current().version());
        events.publishEvent(BundleChanged.deleted(bundle));
    }

    /** Drops the previous versions that have expired: nobody can use them any more. */
    public synchronized List<Bundle> releaseExpiredPrevious() {
        Instant now = clock.instant();
        List<Bundle> released = new ArrayList<>();
        for (Bundle bundle : repository.findAll()) {
            if (bundle.previous() != null && bundle.previous().expiredAt(now)) {
                log.info("Bundle '{}': previous version {} expired and is released", bundle.name(),
                        bundle.previous().version());
                released.add(releasePrevious(bundle));
            }
        }
        return released;
    }

    /**
     * Passes {@code watcher} the watched bundles as they are, then every change until the
     * returned registration is closed.
     *
     * @param names the bundles to watch; empty for all
     */
    synchronized BundleWatchers.Registration watch(Set<String> names, BundleWatcher watcher) {
        for (Bundle bundle : repository.findAll()) {
            if (names.isEmpty() || names.contains(bundle.name())) {
                watcher.current(bundle);
            }
        }
        watcher.snapshotComplete();
        return watchers.add(names, watcher);
    }

    private record IssuedVersion(IssueParameters parameters, BundleVersion version) {
    }

    private IssuedVersion issueVersion(String name, IssueParameters parameters, long version) {
        CertificateIssuer.Issued issued = issuer.issue(parameters.toIssueRequest());
        PrivateKey key = Pem.privateKey(issued.privateKeyPem(), "the generated key");
        String ca = issued.certificate().ca();
        BundleVersion stored = new BundleVersion(version, Pem.encode(issued.x509(), cas.get(ca).issuer()),
                keys.seal(name, key), KeyType.of(key), issued.chainPem(), issued.certificate().serial(),
                issued.certificate().notAfter(), issued.certificate().createdAt());
        log.info("Bundle '{}' version {}: issued certificate {} from CA '{}', valid until {}", name, version,
                stored.serial(), ca, stored.notAfter());
        return new IssuedVersion(new IssueParameters(ca, parameters.commonName(), parameters.sans(), parameters.profile(),
                parameters.validityDays(), parameters.keyType()), stored);
    }

    private Stored store(String name, Optional<Bundle> existing, BundleSource source, IssueParameters issue,
            BundleVersion version, BundleChanged.Type type, Instant now) {
        Bundle bundle;
        if (existing.isEmpty()) {
            bundle = new Bundle(name, source, issue, version, null, now);
            repository.create(bundle);
            events.publishEvent(BundleChanged.of(BundleChanged.Type.UPDATED, bundle));
            return new Stored(bundle, true);
        }
        bundle = existing.get().replacedBy(source, issue, version, now);
        repository.replace(bundle, existing.get().previous());
        events.publishEvent(BundleChanged.of(type, bundle));
        return new Stored(bundle, false);
    }

    private Bundle releasePrevious(Bundle bundle) {
        Bundle released = bundle.withoutPrevious(now());
        repository.releasePrevious(released, bundle.previous());
        events.publishEvent(BundleChanged.of(BundleChanged.Type.PREVIOUS_RELEASED, released));
        return released;
    }

    /** To the microsecond, as the database keeps it, so that a response and a later read agree. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static long nextVersion(Optional<Bundle> existing) {
        return existing.map(bundle -> bundle.current().version() + 1).orElse(1L);
    }

    private static ResponseStatusException notFound(String name) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No bundle named '" + name + "'");
    }
}
