package dev.ferrite.cert.alarm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Alarms as stored; details as a JSON object of strings. */
@Repository
class AlarmRepository {

    private static final String COLUMNS = "id, name, message, details, activated, activate_at, deactivate_at";
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AlarmRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.json = JsonMapper.builder().build();
    }

    void insert(String name, String message, Map<String, String> details, Instant activateAt) {
        jdbc.sql("INSERT INTO alarm (name, message, details, activated, activate_at) VALUES (?, ?, ?, TRUE, ?)")
                .params(name, message, json.writeValueAsString(details), utc(activateAt))
                .update();
    }

    Optional<Alarm> findActive(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alarm WHERE name = ? AND activated = TRUE").param(name)
                .query(this::map).optional();
    }

    List<Alarm> findActiveNamed(String prefix) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alarm WHERE activated = TRUE AND name LIKE ? ORDER BY name")
                .param(prefix.replace("%", "\\%").replace("_", "\\_") + "%")
                .query(this::map).list();
    }

    void deactivate(long id, Instant at) {
        jdbc.sql("UPDATE alarm SET activated = FALSE, deactivate_at = ? WHERE id = ?").params(utc(at), id).update();
    }

    /** @param activated null for all */
    List<Alarm> find(Boolean activated, int offset, int limit) {
        if (activated == null) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM alarm ORDER BY activate_at DESC, id DESC LIMIT ? OFFSET ?")
                    .params(limit, offset).query(this::map).list();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM alarm WHERE activated = ? ORDER BY activate_at DESC, id DESC"
                        + " LIMIT ? OFFSET ?")
                .params(activated, limit, offset).query(this::map).list();
    }

    long count(Boolean activated) {
        if (activated == null) {
            return jdbc.sql("SELECT COUNT(*) FROM alarm").query(Long.class).single();
        }
        return jdbc.sql("SELECT COUNT(*) FROM alarm WHERE activated = ?").param(activated).query(Long.class).single();
    }

    int deleteDeactivated() {
        return jdbc.sql("DELETE FROM alarm WHERE activated = FALSE").update();
    }

    private Alarm map(ResultSet row, int rowNumber) throws SQLException {
        OffsetDateTime deactivateAt = row.getObject("deactivate_at", OffsetDateTime.class);
        return new Alarm(row.getLong("id"), row.getString("name"), row.getString("message"),
                json.readValue(row.getString("details"), DETAILS), row.getBoolean("activated"),
                row.getObject("activate_at", OffsetDateTime.class).toInstant(),
                deactivateAt == null ? null : deactivateAt.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
