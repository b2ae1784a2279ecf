package dev.ferrite.rules.rule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import dev.ferrite.rules.JsonValues;
import dev.ferrite.rules.action.ActionSpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rules in the service's database (H2 by default, PostgreSQL by configuration). Every write
 * moves the rule set's version in the same transaction; replicas poll it.
 */
@Repository
public class RuleRepository {

    private static final String COLUMNS = "id, name, sql_text, actions, enabled, description, created_at, updated_at";

    private final JdbcClient jdbc;

    public RuleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Rule> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rule_definition ORDER BY created_at, id")
                .query(RuleRepository::map).list();
    }

    public Optional<Rule> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rule_definition WHERE id = ?").param(id)
                .query(RuleRepository::map).optional();
    }

    /** The version of the whole rule set; it changes with every insert, update and delete. */
    public long version() {
        return jdbc.sql("SELECT version FROM rule_set_version WHERE id = 1").query(Long.class).single();
    }

    public void insert(Rule rule) {
        jdbc.sql("INSERT INTO rule_definition (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(rule.id(), rule.name(), rule.sql(), actionsJson(rule), rule.enabled(), rule.description(),
                        timestamp(rule.createdAt()), timestamp(rule.updatedAt()))
                .update();
        bumpVersion();
    }

    /** Saves everything but the id and the creation time. */
    public boolean update(Rule rule) {
        boolean updated = jdbc.sql("UPDATE rule_definition SET name = ?, sql_text = ?, actions = ?, enabled = ?,"
                        + " description = ?, updated_at = ? WHERE id = ?")
                .params(rule.name(), rule.sql(), actionsJson(rule), rule.enabled(), rule.description(),
                        timestamp(rule.updatedAt()), rule.id())
                .update() == 1;
        if (updated) {
            bumpVersion();
        }
        return updated;
    }

    public boolean delete(String id) {
        boolean deleted = jdbc.sql("DELETE FROM rule_definition WHERE id = ?").param(id).update() == 1;
        if (deleted) {
            bumpVersion();
        }
        return deleted;
    }

    private void bumpVersion() {
        jdbc.sql("UPDATE rule_set_version SET version = version + 1 WHERE id = 1").update();
    }

    private static String actionsJson(Rule rule) {
        return JsonValues.write(rule.actions().stream().map(ActionSpec::toJson).toList());
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Rule map(ResultSet row, int rowNumber) throws SQLException {
        List<?> actions = (List<?>) JsonValues.parse(row.getString("actions"));
        return new Rule(
                row.getString("id"),
                row.getString("name"),
                row.getString("sql_text"),
                actions.stream().map(ActionSpec::fromJson).toList(),
                row.getBoolean("enabled"),
                row.getString("description"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
