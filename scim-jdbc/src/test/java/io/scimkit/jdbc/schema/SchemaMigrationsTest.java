package io.scimkit.jdbc.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The versioned DDL: applied once, repeatable on an existing database. */
class SchemaMigrationsTest {

    @Test
    void applyingTwiceKeepsOneVersionAndTheData() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:migrations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        assertThat(SchemaMigrations.apply(dataSource)).isEqualTo(Dialect.H2);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO scim_setting (name, setting_value) VALUES ('probe', 'kept')");
        }
        assertThat(SchemaMigrations.apply(dataSource)).isEqualTo(Dialect.H2);
        assertThat(SchemaMigrations.appliedVersions(dataSource)).containsExactly(1, 2, 3, 4);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT setting_value FROM scim_setting WHERE name = 'probe'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("kept");
        }
    }

    @Test
    void aDatabaseOfVersion2GetsTheOutboxTable() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:migrations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        SchemaMigrations.apply(dataSource);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // back to version 2, as a database of the previous release is
            statement.execute("DROP TABLE scim_outbox");
            statement.execute("DELETE FROM scim_schema_version WHERE version = 3");
            statement.execute("INSERT INTO scim_setting (name, setting_value) VALUES ('probe', 'kept')");
        }

        SchemaMigrations.apply(dataSource);

        assertThat(SchemaMigrations.appliedVersions(dataSource)).containsExactly(1, 2, 3, 4);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM scim_outbox")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isZero();
        }
    }

    @Test
    void onH2TheIdentityThatOrdersMembersHandsOutValuesFromALargeCache() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:migrations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        SchemaMigrations.apply(dataSource);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT TABLE_NAME, IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS"
                        + " WHERE TABLE_NAME IN ('SCIM_MEMBER', 'SCIM_RESOURCE') AND COLUMN_NAME = 'SEQ'")) {
            int tables = 0;
            while (rows.next()) {
                tables++;
                // H2 writes its sequence (a store of every changed page) whenever the cache runs out.
                assertThat(rows.getLong(2)).as(rows.getString(1)).isGreaterThanOrEqualTo(1024);
            }
            assertThat(tables).isEqualTo(2);
        }
    }

    @Test
    void scriptsOfBothDialectsHaveTheSameStatements() {
        for (SchemaMigrations.Script script : SchemaMigrations.SCRIPTS) {
            assertThat(SchemaMigrations.statements(script.resource(Dialect.POSTGRESQL)))
                    .hasSameSizeAs(SchemaMigrations.statements(script.resource(Dialect.H2)))
                    .allSatisfy(sql -> assertThat(sql).doesNotEndWith(";").isNotBlank());
        }
    }
}
