package dev.ferrite.auth.apikey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import dev.ferrite.apikeyguard.ApiRole;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API keys in the service's database (H2 by default, PostgreSQL by configuration). */
@Repository
public class ApiKeyRepository {

    private static final String COLUMNS =
            "name, api_key, secret_hash, role, description, enabled, expires_at, created_at, source";

    private final JdbcClient jdbc;

    public ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ApiKey> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_key ORDER BY created_at, name").query(ApiKeyRepository::map).list();
    }

    public Optional<ApiKey> findByName(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE name = ?").param(name)
                .query(ApiKeyRepository::map).optional();
    }

    public Optional<ApiKey> findByApiKey(String apiKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE api_key = ?").param(apiKey)
                .query(ApiKeyRepository::map).optional();
    }

    public void insert(ApiKey key) {
        jdbc.sql("INSERT INTO api_key (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(key.name(), key.apiKey(), key.secretHash(), key.role().wireName(), key.description(),
                        key.enabled(), timestamp(key.expiresAt()), timestamp(key.createdAt()), key.source().name())
                .update();
    }

    /** Saves everything but the name, the key and the creation time, which never change. */
    public boolean update(ApiKey key) {
        return jdbc.sql("UPDATE api_key SET secret_hash = ?, role = ?, description = ?, enabled = ?, expires_at = ?,"
                        + " source = ? WHERE name = ?")
                .params(key.secretHash(), key.role().wireName(), key.description(), key.enabled(),
                        timestamp(key.expiresAt()), key.source().name(), key.name())
                .update() == 1;
    }

    public boolean delete(String name) {
        return jdbc.sql("DELETE FROM api_key WHERE name = ?").param(name).update() == 1;
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static ApiKey map(ResultSet row, int rowNumber) throws SQLException {
        OffsetDateTime expiresAt = row.getObject("expires_at", OffsetDateTime.class);
        return new ApiKey(
                row.getString("name"),
                row.getString("api_key"),
                row.getString("secret_hash"),
                ApiRole.fromWireName(row.getString("role")).orElseThrow(
                        () -> new IllegalStateException("Stored API key has an unknown role")),
                row.getString("description"),
                row.getBoolean("enabled"),
                expiresAt == null ? null : expiresAt.toInstant(),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                ApiKey.Source.valueOf(row.getString("source")));
    }
}
