package dev.ferrite.cert.issue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Issued certificates and their revocation state. */
@Repository
public class IssuedCertificateRepository {

    private static final String COLUMNS = "serial, ca, common_name, profile, certificate, not_before, not_after,"
            + " revoked_at, revocation_reason, created_at";

    /** Filters of the certificate list; null means any. */
    public record Filter(String ca, IssuedCertificate.Status status, String commonName, Instant expiringBefore, Instant now) {
    }

    private final JdbcClient jdbc;

    public IssuedCertificateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(IssuedCertificate certificate) {
        jdbc.sql("INSERT INTO issued_certificate (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(certificate.serial(), certificate.ca(), certificate.commonName(), certificate.profile().name(),
                        certificate.certificatePem(), utc(certificate.notBefore()), utc(certificate.notAfter()),
                        utc(certificate.revokedAt()), reasonName(certificate), utc(certificate.createdAt()))
                .update();
    }

    public Optional<IssuedCertificate> findBySerial(String serial) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM issued_certificate WHERE serial = ?").param(serial)
                .query(IssuedCertificateRepository::map).optional();
    }

    public void updateRevocation(IssuedCertificate certificate) {
        jdbc.sql("UPDATE issued_certificate SET revoked_at = ?, revocation_reason = ? WHERE serial = ?")
                .params(utc(certificate.revokedAt()), reasonName(certificate), certificate.serial())
                .update();
    }

    /** The revoked certificates of a CA that have not expired yet: what its CRL lists. */
    public List<IssuedCertificate> findRevoked(String ca, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM issued_certificate WHERE ca = ? AND revoked_at IS NOT NULL"
                        + " AND not_after >= ? ORDER BY revoked_at, serial")
                .params(ca, utc(now)).query(IssuedCertificateRepository::map).list();
    }

    public List<IssuedCertificate> find(Filter filter, int offset, int limit) {
        Query query = where(filter);
        return jdbc.sql("SELECT " + COLUMNS + " FROM issued_certificate" + query.sql
                        + " ORDER BY created_at DESC, serial LIMIT ? OFFSET ?")
                .params(query.withParams(limit, offset)).query(IssuedCertificateRepository::map).list();
    }

    public long count(Filter filter) {
        Query query = where(filter);
        return jdbc.sql("SELECT COUNT(*) FROM issued_certificate" + query.sql).params(query.params)
                .query(Long.class).single();
    }

    private record Query(String sql, List<Object> params) {
        Object[] withParams(Object... more) {
            List<Object> all = new ArrayList<>(params);
            all.addAll(List.of(more));
            return all.toArray();
        }
    }

    private static Query where(Filter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (filter.ca() != null) {
            conditions.add("ca = ?");
            params.add(filter.ca());
        }
        if (filter.commonName() != null) {
            conditions.add("common_name = ?");
            params.add(filter.commonName());
        }
        if (filter.status() != null) {
            switch (filter.status()) {
                case REVOKED -> conditions.add("revoked_at IS NOT NULL");
                case VALID -> {
                    conditions.add("revoked_at IS NULL AND not_after >= ?");
                    params.add(utc(filter.now()));
                }
                case EXPIRED -> {
                    conditions.add("revoked_at IS NULL AND not_after < ?");
                    params.add(utc(filter.now()));
                }
            }
        }
        if (filter.expiringBefore() != null) {
            conditions.add("not_after >= ? AND not_after <= ?");
            params.add(utc(filter.now()));
            params.add(utc(filter.expiringBefore()));
        }
        return new Query(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
    }

    private static String reasonName(IssuedCertificate certificate) {
        return certificate.revocationReason() == null ? null : certificate.revocationReason().name();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static IssuedCertificate map(ResultSet row, int rowNumber) throws SQLException {
        String reason = row.getString("revocation_reason");
        return new IssuedCertificate(row.getString("serial"), row.getString("ca"), row.getString("common_name"),
                Profile.valueOf(row.getString("profile")), row.getString("certificate"), instant(row, "not_before"),
                instant(row, "not_after"), instant(row, "revoked_at"),
                reason == null ? null : RevocationReason.valueOf(reason), instant(row, "created_at"));
    }
}
