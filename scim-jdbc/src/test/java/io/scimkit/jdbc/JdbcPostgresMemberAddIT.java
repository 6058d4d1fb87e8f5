package io.scimkit.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link MemberAdds} on PostgreSQL (skipped, with the reason, when none is configured): Entra's
 * 50-member add is one {@code INSERT} over arrays, and the store's {@code addMembers} keeps its
 * rules.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcPostgresMemberAddIT {
    private Object postgres = "not opened";

    @BeforeAll
    void open() {
        postgres = TestDatabases.postgresOrReason();
    }

    @AfterAll
    void close() {
        if (postgres instanceof HikariDataSource pool) {
            pool.close();
        }
    }

    @Test
    void entrasMemberAddsAreOneInsertAndUpdateTheGroupOnce() {
        new MemberAdds(TestDatabases.requirePostgres(postgres)).assertEntraAdds();
    }

    @Test
    void addMembersSkipsPresentAndRepeatedIdsAndKeepsTheElements() {
        new MemberAdds(TestDatabases.requirePostgres(postgres)).assertStoreAdds();
    }
}
