package io.scimkit.jdbc.mapping;

import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.testkit.store.ContractOptions;
import io.scimkit.testkit.store.ContractStores;
import io.scimkit.testkit.store.StoreContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/**
 * The scim-testkit store contract over mapped application schemas on H2 ({@link #h2()} and
 * {@link #postgres()} choose the database): numeric ids with a tenant column (every test in a fresh
 * tenant of one database), and UUID ids in a single-tenant schema with soft deletes (a fresh
 * database per test). {@code externalId} is not unique in these schemas (an application would add
 * its own unique index; RFC 7643 §3.1 does not ask for one).
 */
class MappedStoreContractTest {

    /** A fresh database of the shape. */
    AppDatabase database(AppDatabase.Shape shape) {
        return AppDatabase.h2(shape);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class NumericIdsAndTenantColumn extends StoreContract {
        private AppDatabase database;

        @Override
        protected ContractStores createStores(SchemaRegistry schemas, ContractOptions options) {
            if (database == null) {
                database = database(AppDatabase.Shape.NUMERIC);
            }
            SqlMappingStores stores = AppDatabase.numericStores(database.dataSource(), schemas);
            return new ContractStores(stores.users(), stores.groups());
        }

        @Override
        protected boolean supportsUniqueExternalId() {
            return false;
        }

        @AfterAll
        void drop() {
            if (database != null) {
                database.close();
            }
        }
    }

    @Nested
    class UuidIdsOneTenantSoftDeletes extends StoreContract {
        private final List<AppDatabase> databases = new ArrayList<>();

        @Override
        protected ContractStores createStores(SchemaRegistry schemas, ContractOptions options) {
            AppDatabase database = database(AppDatabase.Shape.UUID);
            databases.add(database);
            SqlMappingStores stores = AppDatabase.uuidStores(database.dataSource(), schemas);
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
}
