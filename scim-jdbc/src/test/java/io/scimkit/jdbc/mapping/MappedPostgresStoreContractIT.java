package io.scimkit.jdbc.mapping;

/** The store contract over the mapped schemas in PostgreSQL (skipped without {@code SCIMKIT_PG_URL}). */
class MappedPostgresStoreContractIT extends MappedStoreContractTest {

    @Override
    AppDatabase database(AppDatabase.Shape shape) {
        return AppDatabase.postgres(shape);
    }
}
