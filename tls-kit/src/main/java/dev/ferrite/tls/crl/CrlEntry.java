package dev.ferrite.tls.crl;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

/**
 * One CRL source and the CRL had from it. A new CRL replaces the one in use only when it parses,
 * is not older, and verifies against the issuer's key when that key is known; otherwise the
 * one in use stays. Every method holds the entry's lock, so that concurrent handshakes wait for
 * one fetch instead of each making their own.
 */
final class CrlEntry {

    /** What a verified CRL revokes that the one before it did not; empty when nothing is new. */
    record Revoked(X500Principal issuer, Set<BigInteger> serials) {

        static final Revoked NOTHING = new Revoked(null, Set.of());

        boolean any() {
            return !serials.isEmpty();
        }
    }

    /** A CRL that may be used to answer for a certificate now, or why there is none. */
    record Usable(X509CRL crl, String problem, Revoked revoked) {
    }

    private final CrlSource source;
    private final CrlCacheSettings settings;

    private X509CRL crl;
    private X509Certificate verifiedBy;
    private Set<BigInteger> verifiedSerials = Set.of();
    private String etag;
    private String lastModified;
    private Instant lastFetchAt;
    private Instant lastSuccessAt;
    private Instant nextFetchAt = Instant.MIN;
    private FetchOutcome lastOutcome = FetchOutcome.NONE;
    private String lastError;

    CrlEntry(CrlSource source, CrlCacheSettings settings) {
        this.source = source;
        this.settings = settings;
    }

    String name() {
        return source.name();
    }

    CrlOrigin origin() {
        return source.origin();
    }

    synchronized boolean neverFetched() {
        return lastOutcome == FetchOutcome.NONE;
    }

    synchronized boolean due(Instant now) {
        return !now.isBefore(nextFetchAt);
    }

    synchronized X500Principal issuer() {
        return crl == null ? null : crl.getIssuerX500Principal();
    }

    /** As {@link #refresh}, unless another thread fetched first; then null. */
    synchronized Revoked refreshIfNeverFetched(Instant now, IssuerDirectory knownIssuer) {
        return lastOutcome == FetchOutcome.NONE ? refresh(now, knownIssuer) : null;
    }

    /**
     * Fetches the source and takes a new CRL into use if it may be.
     *
     * @param knownIssuer finds the certificate of a CRL's issuer among the CAs the cache knows, or null
     */
    synchronized Revoked refresh(Instant now, IssuerDirectory knownIssuer) {
        lastFetchAt = now;
        try {
            CrlDownload download = crl == null ? source.fetch(null, null) : source.fetch(etag, lastModified);
            if (download.isNotModified()) {
                if (crl == null) {
                    throw new CrlFetchException(source.name() + " answered \"not modified\" to a request for a new CRL");
                }
                succeeded(now, FetchOutcome.NOT_MODIFIED, download);
                return Revoked.NOTHING;
            }
            X509CRL fresh = CrlParsing.parse(download.crl(), source.name());
            if (fresh.getThisUpdate().toInstant().isAfter(now.plus(settings.clockSkew()))) {
                throw new CrlFetchException(source.name() + " gave a CRL whose thisUpdate "
                        + fresh.getThisUpdate().toInstant() + " is in the future");
            }
            if (crl != null && fresh.getThisUpdate().before(crl.getThisUpdate())) {
                throw new CrlFetchException(source.name() + " gave a CRL older than the one in use (thisUpdate "
                        + fresh.getThisUpdate().toInstant() + ")");
            }
            X509Certificate issuer = sameIssuer(verifiedBy, fresh) && verifies(fresh, verifiedBy)
                    ? verifiedBy
                    : knownIssuer.find(fresh);
            if (issuer == null && verifiedBy != null) {
                throw new CrlFetchException(source.name() + " gave a CRL whose signature does not verify against "
                        + verifiedBy.getSubjectX500Principal().getName());
            }
            crl = fresh;
            verifiedBy = null;
            succeeded(now, FetchOutcome.LOADED, download);
            return issuer == null ? Revoked.NOTHING : verified(issuer);
        } catch (CrlFetchException e) {
            lastOutcome = FetchOutcome.FAILED;
            lastError = e.getMessage();
            nextFetchAt = now.plus(min(settings.retryAfterFailure(), settings.refreshInterval()));
            return Revoked.NOTHING;
        }
    }

    /** The CRL in use, if it may answer for a certificate of {@code issuer} now. */
    synchronized Usable usableFor(X509Certificate issuer, Instant now) {
        if (crl == null) {
            return new Usable(null, source.name() + " gave no CRL yet" + (lastError == null ? "" : ": " + lastError),
                    Revoked.NOTHING);
        }
        if (!sameIssuer(issuer, crl)) {
            return new Usable(null, source.name() + " is the CRL of " + crl.getIssuerX500Principal().getName(),
                    Revoked.NOTHING);
        }
        Revoked revoked = Revoked.NOTHING;
        if (!issuer.equals(verifiedBy)) {
            if (!verifies(crl, issuer)) {
                return new Usable(null, "the CRL from " + source.name() + " does not verify against "
                        + issuer.getSubjectX500Principal().getName(), Revoked.NOTHING);
            }
            revoked = verified(issuer);
        }
        if (!valid(now)) {
            return new Usable(null, "the CRL from " + source.name() + " expired at " + crl.getNextUpdate().toInstant()
                    + (lastError == null ? "" : " and no newer one can be had: " + lastError), revoked);
        }
        return new Usable(crl, null, revoked);
    }

    synchronized CrlSourceView view(Instant now) {
        return new CrlSourceView(source.name(), source.origin(), lastFetchAt, lastOutcome,
                lastOutcome == FetchOutcome.FAILED ? lastError : null, lastSuccessAt,
                crl == null ? null : crl.getIssuerX500Principal().getName(),
                crl == null ? null : crl.getThisUpdate().toInstant(),
                crl == null || crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant(),
                crl == null || crl.getRevokedCertificates() == null ? 0 : crl.getRevokedCertificates().size(),
                verifiedBy != null, crl != null && valid(now));
    }

    /** Within thisUpdate (less the skew) and nextUpdate plus the grace period; no nextUpdate means no end. */
    private boolean valid(Instant now) {
        boolean started = !crl.getThisUpdate().toInstant().isAfter(now.plus(settings.clockSkew()));
        boolean ended = crl.getNextUpdate() != null
                && now.isAfter(crl.getNextUpdate().toInstant().plus(settings.gracePeriod()));
        return started && !ended;
    }

    private Revoked verified(X509Certificate issuer) {
        Set<BigInteger> serials = serials(crl);
        Set<BigInteger> added = new HashSet<>(serials);
        added.removeAll(verifiedSerials);
        verifiedBy = issuer;
        verifiedSerials = serials;
        return added.isEmpty() ? Revoked.NOTHING : new Revoked(crl.getIssuerX500Principal(), Set.copyOf(added));
    }

    private void succeeded(Instant now, FetchOutcome outcome, CrlDownload download) {
        lastOutcome = outcome;
        lastError = null;
        lastSuccessAt = now;
        etag = download.etag();
        lastModified = download.lastModified();
        Instant refresh = now.plus(settings.refreshInterval());
        Instant nextUpdate = crl.getNextUpdate() == null ? refresh : crl.getNextUpdate().toInstant();
        Instant soonest = now.plus(settings.retryAfterFailure());
        nextFetchAt = nextUpdate.isBefore(refresh) ? (nextUpdate.isAfter(soonest) ? nextUpdate : soonest) : refresh;
    }

    private static Set<BigInteger> serials(X509CRL crl) {
        Set<? extends X509CRLEntry> entries = crl.getRevokedCertificates();
        if (entries == null) {
            return Set.of();
        }
        Set<BigInteger> serials = new HashSet<>();
        entries.forEach(entry -> serials.add(entry.getSerialNumber()));
        return serials;
    }

    static boolean sameIssuer(X509Certificate issuer, X509CRL crl) {
        return issuer != null && issuer.getSubjectX500Principal().equals(crl.getIssuerX500Principal());
    }

    static boolean verifies(X509CRL crl, X509Certificate issuer) {
        try {
            crl.verify(issuer.getPublicKey());
            boolean[] keyUsage = issuer.getKeyUsage();
            return keyUsage == null || (keyUsage.length > 6 && keyUsage[6]);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public String toString() {
        return "CrlEntry[" + source.name() + "]";
    }
}
