package io.scimkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.scimkit.core.event.ProvisioningEvent;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The transactional outbox on PostgreSQL (skipped, with the reason, when none is configured), in a
 * schema of its own: two servers (two pools, two services, two dispatchers) on one database under
 * a concurrent write load deliver every event of every acknowledged change, none lost, none by both
 * dispatchers at the same time, in order per resource; a change that rolls back leaves no event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxPostgresIT {
    private final String schema = "outbox_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
            .toLowerCase(Locale.ROOT);
    private Object postgres = "not opened";
    private HikariDataSource serverA;
    private HikariDataSource serverB;

    @BeforeAll
    void open() {
        postgres = TestDatabases.postgresOrReason();
        serverA = TestDatabases.postgresSchema(postgres, schema);
        serverB = TestDatabases.postgresSchema(postgres, schema);
    }

    @AfterAll
    void close() {
        for (HikariDataSource pool : new HikariDataSource[] {serverA, serverB}) {
            if (pool != null) {
                pool.close();
            }
        }
        TestDatabases.dropPostgresSchema(postgres, schema);
        if (postgres instanceof HikariDataSource pool) {
            pool.close();
        }
    }

    @Test
    void twoDispatchersOnOneDatabaseDeliverEveryEventOfAConcurrentLoadOnceAndInOrderPerResource() throws Exception {
        TestDatabases.requirePostgres(postgres);
        OutboxLoad.assertEveryEventOnceInOrder(serverA, serverB);
    }

    @Test
    void entrasDisableIsDeliveredAsUserDeactivatedAndARolledBackChangeLeavesNoEvent() {
        TestDatabases.requirePostgres(postgres);
        OutboxFixture scim = new OutboxFixture(serverA, "t-entra");
        String alice = scim.createUser("alice@contoso.example");
        int before = scim.rows();
        assertThat(scim.send("POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"Alice@Contoso.example\"}").status()).isEqualTo(409);
        assertThat(scim.rows()).isEqualTo(before);
        assertThat(scim.patch("/Users/" + alice, "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}")
                .status()).isEqualTo(200);

        OutboxFixture.Heard heard = new OutboxFixture.Heard();
        OutboxDispatcher outbox = OutboxDispatcher.builder(serverA).listener(event -> {
            if (event.tenant().equals("t-entra")) {
                heard.add(event);
            }
        }).build();
        while (outbox.deliverDue() > 0) {
            // until nothing is due
        }
        assertThat(heard.snapshot()).extracting(ProvisioningEvent::type).containsExactly("user.created",
                "user.deactivated");
        assertThat(heard.snapshot().get(1).version()).isEqualTo(scim.version("/Users/" + alice));
    }
}
