package dev.ferrite.cert.ca;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** CAs as stored: certificates in PEM, private keys encrypted. */
@Repository
public class CaRepository {

    public record StoredCa(String name, KeyType keyType, String rootPem, String rootKey, String issuerPem,
            String issuerKey, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    public CaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<StoredCa> findAll() {
        return jdbc.sql("SELECT name, key_type, root_certificate, root_key, issuing_certificate, issuing_key, created_at"
                + " FROM certificate_authority ORDER BY name").query(CaRepository::map).list();
    }

    public void insert(StoredCa ca) {
        jdbc.sql("INSERT INTO certificate_authority (name, key_type, root_certificate, root_key, issuing_certificate,"
                        + " issuing_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(ca.name(), ca.keyType().name(), ca.rootPem(), ca.rootKey(), ca.issuerPem(), ca.issuerKey(),
                        ca.createdAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    private static StoredCa map(ResultSet row, int rowNumber) throws SQLException {
        return new StoredCa(row.getString("name"), KeyType.valueOf(row.getString("key_type")),
                row.getString("root_certificate"), row.getString("root_key"), row.getString("issuing_certificate"),
                row.getString("issuing_key"), row.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
