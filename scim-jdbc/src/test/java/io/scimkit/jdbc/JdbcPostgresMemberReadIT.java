package io.scimkit.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link MemberReads} on PostgreSQL (skipped, with the reason, when none is configured): member
 * reads are streamed in batches and skipped when not needed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcPostgresMemberReadIT {
    private Object postgres = "not opened";
    private MemberReads reads;

    @BeforeAll
    void open() {
        postgres = TestDatabases.postgresOrReason();
        if (postgres instanceof HikariDataSource pool) {
            reads = new MemberReads(pool);
        }
    }

    @AfterAll
    void close() {
        if (postgres instanceof HikariDataSource pool) {
            pool.close();
        }
    }

    @Test
    void aGroupIsReadInBatches() {
        TestDatabases.requirePostgres(postgres);
        reads.assertStreamedGet();
    }

    @Test
    void projectionsAndFiltersWithoutMembersReadNoMemberRows() {
        TestDatabases.requirePostgres(postgres);
        reads.statements.clear();
        reads.assertNoMemberRowsWithoutMembers();
    }

    @Test
    void aDisplayFilterWalksTheMembers() {
        TestDatabases.requirePostgres(postgres);
        reads.statements.clear();
        reads.assertDisplayFilterWalksMembers();
    }
}
