package io.scimkit.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@link MemberReads} on H2: member reads are streamed in batches and skipped when not needed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcH2MemberReadTest {
    private HikariDataSource dataSource;
    private MemberReads reads;

    @BeforeAll
    void open() {
        dataSource = TestDatabases.h2Memory();
        reads = new MemberReads(dataSource);
    }

    @AfterAll
    void close() {
        dataSource.close();
    }

    @Test
    void aGroupIsReadInBatches() {
        reads.assertStreamedGet();
    }

    @Test
    void projectionsAndFiltersWithoutMembersReadNoMemberRows() {
        reads.statements.clear();
        reads.assertNoMemberRowsWithoutMembers();
    }

    @Test
    void aDisplayFilterWalksTheMembers() {
        reads.statements.clear();
        reads.assertDisplayFilterWalksMembers();
    }
}
