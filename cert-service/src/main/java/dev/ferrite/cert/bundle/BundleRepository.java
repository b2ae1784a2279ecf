package dev.ferrite.cert.bundle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.ferrite.cert.ca.KeyType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Bundles as stored: a row per bundle, a row per kept version (current and previous), keys encrypted. */
@Repository
public class BundleRepository {

    private static final String BUNDLE_COLUMNS = "name, source, current_version, previous_version, issue_ca,"
            + " issue_common_name, issue_sans, issue_profile, issue_validity_days, issue_key_type, updated_at";
    private static final String VERSION_COLUMNS = "bundle, version, chain_pem, private_key, key_type, ca_pem, serial,"
            + " not_after, created_at";

    private record BundleRow(String name, BundleSource source, long currentVersion, Long previousVersion,
            IssueParameters issue, Instant updatedAt) {
    }

    private record VersionRow(String bundle, BundleVersion version) {
    }

    private final JdbcClient jdbc;

    public BundleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Bundle> findAll() {
        Map<String, Map<Long, BundleVersion>> versions = jdbc.sql("SELECT " + VERSION_COLUMNS
                        + " FROM certificate_bundle_version").query(BundleRepository::mapVersion).list().stream()
                .collect(Collectors.groupingBy(VersionRow::bundle,
                        Collectors.toMap(row -> row.version().version(), VersionRow::version)));
        return jdbc.sql("SELECT " + BUNDLE_COLUMNS + " FROM certificate_bundle ORDER BY name")
                .query(BundleRepository::mapBundle).list().stream()
                .map(row -> assemble(row, versions.getOrDefault(row.name(), Map.of())))
                .toList();
    }

    public Optional<Bundle> find(String name) {
        return jdbc.sql("SELECT " + BUNDLE_COLUMNS + " FROM certificate_bundle WHERE name = ?").param(name)
                .query(BundleRepository::mapBundle).optional()
                .map(row -> assemble(row, jdbc.sql("SELECT " + VERSION_COLUMNS
                                + " FROM certificate_bundle_version WHERE bundle = ?").param(name)
                        .query(BundleRepository::mapVersion).list().stream()
                        .collect(Collectors.toMap(version -> version.version().version(), VersionRow::version))));
    }

    @Transactional
    public void create(Bundle bundle) {
        jdbc.sql("INSERT INTO certificate_bundle (" + BUNDLE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(concat(List.of(bundle.name()), mutableColumns(bundle)))
                .update();
        insertVersion(bundle.name(), bundle.current());
    }

    /** Stores {@code bundle}'s new current version and drops the version that is no longer kept, if any. */
    @Transactional
    public void replace(Bundle bundle, BundleVersion dropped) {
        insertVersion(bundle.name(), bundle.current());
        if (dropped != null) {
            deleteVersion(bundle.name(), dropped.version());
        }
        updateBundle(bundle);
    }

    @Transactional
    public void releasePrevious(Bundle bundle, BundleVersion released) {
        deleteVersion(bundle.name(), released.version());
        updateBundle(bundle);
    }

    /** Deletes the bundle with its versions; false when there was none. */
    @Transactional
    public boolean delete(String name) {
        jdbc.sql("DELETE FROM certificate_bundle_version WHERE bundle = ?").param(name).update();
        return jdbc.sql("DELETE FROM certificate_bundle WHERE name = ?").param(name).update() > 0;
    }

    private void updateBundle(Bundle bundle) {
        jdbc.sql("UPDATE certificate_bundle SET source = ?, current_version = ?, previous_version = ?, issue_ca = ?,"
                        + " issue_common_name = ?, issue_sans = ?, issue_profile = ?, issue_validity_days = ?,"
                        + " issue_key_type = ?, updated_at = ? WHERE name = ?")
                .params(concat(mutableColumns(bundle), List.of(bundle.name())))
                .update();
    }

    private void insertVersion(String bundle, BundleVersion version) {
        jdbc.sql("INSERT INTO certificate_bundle_version (" + VERSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(bundle, version.version(), version.chainPem(), version.encryptedKey(), version.keyType().name(),
                        version.caPem(), version.serial(), utc(version.notAfter()), utc(version.createdAt()))
                .update();
    }

    private void deleteVersion(String bundle, long version) {
        jdbc.sql("DELETE FROM certificate_bundle_version WHERE bundle = ? AND version = ?").params(bundle, version).update();
    }

    /** Every column of certificate_bundle but the name, in the order of BUNDLE_COLUMNS. */
    private static List<Object> mutableColumns(Bundle bundle) {
        IssueParameters issue = bundle.issue();
        return Arrays.asList(bundle.source().name(), bundle.current().version(),
                bundle.previous() == null ? null : bundle.previous().version(),
                issue == null ? null : issue.ca(),
                issue == null ? null : issue.commonName(),
                issue == null ? null : String.join("\n", issue.sans()),
                issue == null ? null : issue.profile(),
                issue == null ? null : issue.validityDays(),
                issue == null ? null : issue.keyType(),
                utc(bundle.updatedAt()));
    }

    private static List<Object> concat(List<Object> first, List<Object> second) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static Bundle assemble(BundleRow row, Map<Long, BundleVersion> versions) {
        BundleVersion current = versions.get(row.currentVersion());
        if (current == null) {
            throw new IllegalStateException("Bundle '" + row.name() + "' has no stored version " + row.currentVersion());
        }
        return new Bundle(row.name(), row.source(), row.issue(), current,
                row.previousVersion() == null ? null : versions.get(row.previousVersion()), row.updatedAt());
    }

    private static BundleRow mapBundle(ResultSet row, int rowNumber) throws SQLException {
        BundleSource source = BundleSource.valueOf(row.getString("source"));
        IssueParameters issue = null;
        if (source == BundleSource.ISSUED) {
            String sans = row.getString("issue_sans");
            issue = new IssueParameters(row.getString("issue_ca"), row.getString("issue_common_name"),
                    sans == null || sans.isEmpty() ? List.of() : Arrays.asList(sans.split("\n")),
                    row.getString("issue_profile"), row.getObject("issue_validity_days", Integer.class),
                    row.getString("issue_key_type"));
        }
        return new BundleRow(row.getString("name"), source, row.getLong("current_version"),
                row.getObject("previous_version", Long.class), issue, instant(row, "updated_at"));
    }

    private static VersionRow mapVersion(ResultSet row, int rowNumber) throws SQLException {
        return new VersionRow(row.getString("bundle"), new BundleVersion(row.getLong("version"), row.getString("chain_pem"),
                row.getString("private_key"), KeyType.valueOf(row.getString("key_type")), row.getString("ca_pem"),
                row.getString("serial"), instant(row, "not_after"), instant(row, "created_at")));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
