package io.scimkit.examples.existing;

/** The store contract over the employee and team tables in PostgreSQL (skipped without {@code SCIMKIT_PG_URL}). */
class ExistingSchemaPostgresContractIT extends ExistingSchemaStoreContractTest {

    @Override
    ExistingDatabase newDatabase() {
        return ExistingDatabase.postgres();
    }
}
