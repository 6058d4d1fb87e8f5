package io.scimkit.jdbc.mapping;

/** The SQL-injection and wildcard table over the mapped schema in PostgreSQL (skipped without {@code SCIMKIT_PG_URL}). */
class MappedPostgresInjectionIT extends MappedInjectionTest {

    @Override
    AppDatabase database() {
        return AppDatabase.postgres(AppDatabase.Shape.NUMERIC);
    }
}
