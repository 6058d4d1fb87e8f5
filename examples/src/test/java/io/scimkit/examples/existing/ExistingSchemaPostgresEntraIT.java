package io.scimkit.examples.existing;

/** The Entra ID catalogue over the employee and team tables in PostgreSQL (skipped without {@code SCIMKIT_PG_URL}). */
class ExistingSchemaPostgresEntraIT extends ExistingSchemaEntraTest {

    @Override
    ExistingDatabase newDatabase() {
        return ExistingDatabase.postgres();
    }
}
