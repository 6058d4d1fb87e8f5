package io.scimkit.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link MemberAdds} on H2: Entra's 50-member adds and the store's {@code addMembers}. */
class JdbcH2MemberAddTest {
    private HikariDataSource database;
    private MemberAdds adds;

    @BeforeEach
    void open() {
        database = TestDatabases.h2Memory();
        adds = new MemberAdds(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void entrasMemberAddsUpdateTheGroupOnceAndKeepTheOrder() {
        adds.assertEntraAdds();
    }

    @Test
    void addMembersSkipsPresentAndRepeatedIdsAndKeepsTheElements() {
        adds.assertStoreAdds();
    }
}
