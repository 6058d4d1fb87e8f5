package io.scimkit.examples.mapped;

/** The Entra ID catalogue over the example's mapped tables in PostgreSQL (skipped without {@code SCIMKIT_PG_URL}). */
class AppTablesPostgresEntraIT extends AppTablesEntraTest {

    @Override
    AppDatabase newDatabase() {
        return AppDatabase.postgres();
    }
}
