package io.scimkit.examples.existing;

import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.testkit.store.ContractOptions;
import io.scimkit.testkit.store.ContractStores;
import io.scimkit.testkit.store.StoreContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The scim-testkit store contract over the employee and team tables, each test on a fresh H2
 * database. The stores leave to the core what the store SPI lets them leave: removing a deleted
 * user from its groups, sorting, cursors and the filters they do not declare; they do not make
 * {@code externalId} unique (Entra's object ids are unique anyway; RFC 7643 §3.1 does not ask for it).
 */
class ExistingSchemaStoreContractTest extends StoreContract {
    private final List<ExistingDatabase> databases = new ArrayList<>();

    @Override
    protected ContractStores createStores(SchemaRegistry schemas, ContractOptions options) {
        ExistingDatabase database = newDatabase();
        databases.add(database);
        return new ContractStores(new EmployeeStore(database.dataSource(), schemas),
                new TeamStore(database.dataSource(), schemas));
    }

    /** A fresh database with the application schema. */
    ExistingDatabase newDatabase() {
        return ExistingDatabase.h2();
    }

    @Override
    protected boolean supportsUniqueExternalId() {
        return false;
    }

    @AfterEach
    void dropDatabases() {
        databases.forEach(ExistingDatabase::close);
    }
}
