package io.scimkit.examples.mapped;

import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.testkit.store.ContractOptions;
import io.scimkit.testkit.store.ContractStores;
import io.scimkit.testkit.store.StoreContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The scim-testkit store contract over the example's mapping, each test on a freshly migrated H2
 * database: the application has one tenant per database and no unique index on
 * {@code entra_object_id}.
 */
class AppTablesContractTest extends StoreContract {
    private final List<AppDatabase> databases = new ArrayList<>();

    AppDatabase newDatabase() {
        return AppDatabase.h2();
    }

    @Override
    protected ContractStores createStores(SchemaRegistry schemas, ContractOptions options) {
        AppDatabase database = newDatabase();
        databases.add(database);
        var stores = AppTables.open(database.dataSource(), schemas);
        return new ContractStores(stores.users(), stores.groups());
    }

    @Override
    protected boolean multiTenant() {
        return false;
    }

    @Override
    protected boolean supportsUniqueExternalId() {
        return false;
    }

    @AfterEach
    void drop() {
        databases.forEach(AppDatabase::close);
        databases.clear();
    }
}
