package io.scimkit.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.testkit.store.ContractOptions;
import io.scimkit.testkit.store.ContractStores;
import io.scimkit.testkit.store.StoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The store contract suite on a real PostgreSQL (env {@code SCIMKIT_PG_URL} etc., started by
 * {@code .ci/run}); skipped with the reason when none is reachable. Every test uses a fresh
 * tenant, so runs share one database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcPostgresStoreContractIT extends StoreContract {
    private Object postgres = "not opened";

    @BeforeAll
    void open() {
        postgres = TestDatabases.postgresOrReason();
    }

    @AfterAll
    void close() {
        if (postgres instanceof HikariDataSource dataSource) {
            dataSource.close();
        }
    }

    @Override
    protected ContractStores createStores(SchemaRegistry schemas, ContractOptions options) {
        // Every test is reported as skipped, with the reason, when PostgreSQL is not there.
        return JdbcH2StoreContractTest.stores(TestDatabases.requirePostgres(postgres), schemas, options);
    }
}
