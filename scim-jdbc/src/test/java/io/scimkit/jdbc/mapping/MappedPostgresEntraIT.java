package io.scimkit.jdbc.mapping;

/** The Entra ID catalogue over the mapped schemas in PostgreSQL (skipped without {@code SCIMKIT_PG_URL}). */
class MappedPostgresEntraIT extends MappedEntraTest {

    @Override
    AppDatabase database(AppDatabase.Shape shape) {
        return AppDatabase.postgres(shape);
    }
}
