package io.scimkit.examples.mapped;

/** The store contract over the example's mapped tables in PostgreSQL (skipped without {@code SCIMKIT_PG_URL}). */
class AppTablesPostgresContractIT extends AppTablesContractTest {

    @Override
    AppDatabase newDatabase() {
        return AppDatabase.postgres();
    }
}
