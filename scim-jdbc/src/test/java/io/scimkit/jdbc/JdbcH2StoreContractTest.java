package io.scimkit.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.testkit.store.ContractOptions;
import io.scimkit.testkit.store.ContractStores;
import io.scimkit.testkit.store.StoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The store contract suite (scim-testkit) on H2, in memory and in a file database. */
class JdbcH2StoreContractTest {

    static ContractStores stores(HikariDataSource dataSource, SchemaRegistry schemas, ContractOptions options) {
        JdbcStores stores = JdbcStores.create(dataSource, schemas,
                JdbcStoreOptions.DEFAULTS.withUniqueExternalId(options.uniqueExternalId()));
        return new ContractStores(stores.users(), stores.groups());
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class InMemory extends StoreContract {
        private HikariDataSource dataSource;

        @BeforeAll
        void open() {
            dataSource = TestDatabases.h2Memory();
        }

        @AfterAll
        void close() {
            dataSource.close();
        }

        @Override
        protected ContractStores createStores(SchemaRegistry schemas, ContractOptions options) {
            return stores(dataSource, schemas, options);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class FileDatabase extends StoreContract {
        private HikariDataSource dataSource;

        @BeforeAll
        void open(@TempDir Path directory) {
            dataSource = TestDatabases.h2File(directory);
        }

        @AfterAll
        void close() {
            dataSource.close();
        }

        @Override
        protected ContractStores createStores(SchemaRegistry schemas, ContractOptions options) {
            return stores(dataSource, schemas, options);
        }
    }
}
