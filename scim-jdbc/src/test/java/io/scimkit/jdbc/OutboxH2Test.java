package io.scimkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.event.EventContext;
import io.scimkit.core.event.ProvisioningEvent;
import io.scimkit.core.event.ProvisioningEvent.UserDeactivated;
import io.scimkit.core.protocol.DeletePolicy;
import io.scimkit.core.protocol.ScimResponse;
import io.scimkit.core.resource.Projection;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.StringValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The transactional outbox on H2 (issue 14, "Delivery on scim-jdbc"): every change writes its
 * events in its own transaction, a change that rolls back writes none, the dispatcher delivers
 * them at least once and in order per resource, retries with backoff, and deletes delivered rows
 * after the retention.
 */
class OutboxH2Test {
    private final HikariDataSource database = TestDatabases.h2Memory();
    private final OutboxFixture.Heard heard = new OutboxFixture.Heard();
    private final OutboxFixture.TestClock clock = new OutboxFixture.TestClock();

    @AfterEach
    void close() {
        database.close();
    }

    private OutboxDispatcher dispatcher(io.scimkit.core.event.ProvisioningListener listener) {
        return OutboxDispatcher.builder(database).listener(listener).clock(clock)
                .retryBackoff(Duration.ofSeconds(10), Duration.ofMinutes(2)).retention(Duration.ofHours(1)).build();
    }

    private static List<String> types(List<ProvisioningEvent> events) {
        return events.stream().map(ProvisioningEvent::type).toList();
    }

    @Test
    void entrasDisableReachesAListenerAsUserDeactivatedThroughTheOutbox() {
        OutboxFixture scim = new OutboxFixture(database, "t-entra");
        String alice = scim.createUser("alice@contoso.example");
        ScimResponse disabled = scim.patch("/Users/" + alice,
                "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}", "X-Request-Id", "req-11a");
        assertThat(disabled.status()).as(disabled.bodyText()).isIn(200, 204);
        OutboxDispatcher outbox = dispatcher(heard::add);

        assertThat(scim.pendingTypes()).containsExactly("user.created", "user.deactivated");
        assertThat(outbox.backlog()).isEqualTo(2);
        assertThat(outbox.deliverDue()).isEqualTo(1); // one event per resource and poll: the order holds
        assertThat(outbox.deliverDue()).isEqualTo(1);

        assertThat(types(heard.snapshot())).containsExactly("user.created", "user.deactivated");
        ProvisioningEvent deactivated = heard.snapshot().get(1);
        assertThat(deactivated).isInstanceOf(UserDeactivated.class);
        assertThat(deactivated.resourceId()).isEqualTo(alice);
        assertThat(deactivated.tenant()).isEqualTo("t-entra");
        assertThat(deactivated.requestId()).isEqualTo("req-11a");
        assertThat(deactivated.version()).isEqualTo(scim.version("/Users/" + alice));
        assertThat(outbox.backlog()).isZero();
        assertThat(outbox.deliveredEvents()).isEqualTo(2);
        assertThat(outbox.deliverDue()).isZero();
    }

    @Test
    void everyKindOfChangeWritesItsEventsInOrder() {
        OutboxFixture scim = new OutboxFixture(database, "t-kinds");
        String bob = scim.createUser("bob@contoso.example");
        String carol = scim.createUser("carol@contoso.example");
        String group = scim.createGroup("Engineering", bob);
        assertThat(scim.send("PUT", "/Users/" + carol, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"carol@contoso.example\",\"displayName\":\"Carol\",\"active\":true}").status())
                .isEqualTo(200);
        assertThat(scim.patch("/Groups/" + group, "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + carol + "\"}]},{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Eng\"}").status()).isEqualTo(204);
        String groupVersionBefore = scim.version("/Groups/" + group);

        assertThat(scim.send("DELETE", "/Users/" + bob, null).status()).isEqualTo(204);

        assertThat(scim.pendingTypes()).containsExactly("user.created", "user.created", "group.created",
                "group.members_added", "user.updated", "group.renamed", "group.members_added", "user.deleted",
                "group.members_removed");
        OutboxDispatcher outbox = dispatcher(heard::add);
        while (outbox.deliverDue() > 0) {
            // every event, one per resource and poll
        }
        List<ProvisioningEvent> events = heard.snapshot();
        assertThat(events).hasSize(9);
        ProvisioningEvent removed = events.stream().filter(e -> e.type().equals("group.members_removed"))
                .findFirst().orElseThrow();
        assertThat(removed.resourceId()).isEqualTo(group);
        assertThat(((ProvisioningEvent.MembersRemoved) removed).memberIds()).containsExactly(bob);
        // The cascade gave the group a new version, the one the event names.
        assertThat(removed.version()).isEqualTo(scim.version("/Groups/" + group)).isNotEqualTo(groupVersionBefore);
        assertThat(eventsOf(events, group)).containsExactly("group.created", "group.members_added", "group.renamed",
                "group.members_added", "group.members_removed");
    }

    private static List<String> eventsOf(List<ProvisioningEvent> events, String id) {
        return events.stream().filter(e -> e.resourceId().equals(id)).map(ProvisioningEvent::type).toList();
    }

    @Test
    void aSoftDeleteIsADeactivationAndBulkOperationsWriteTheirEvents() {
        OutboxFixture scim = new OutboxFixture(database, "t-soft", DeletePolicy.SOFT);
        String dave = scim.createUser("dave@contoso.example");
        assertThat(scim.send("DELETE", "/Users/" + dave, null).status()).isEqualTo(204);
        ScimResponse bulk = scim.send("POST", "/Bulk", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],"
                + "\"Operations\":[{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"e1\",\"data\":{\"schemas\":"
                + "[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"erin@contoso.example\"}},"
                + "{\"method\":\"PATCH\",\"path\":\"/Users/" + dave + "\",\"data\":{\"schemas\":"
                + "[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\","
                + "\"path\":\"active\",\"value\":true}]}}]}");
        assertThat(bulk.status()).as(bulk.bodyText()).isEqualTo(200);

        assertThat(scim.pendingTypes()).containsExactly("user.created", "user.deactivated", "user.created",
                "user.reactivated");
    }

    @Test
    void aChangeThatRollsBackLeavesNoEvent() {
        OutboxFixture scim = new OutboxFixture(database, "t-rollback");
        String alice = scim.createUser("alice@contoso.example");
        String version = scim.version("/Users/" + alice);
        assertThat(scim.patch("/Users/" + alice, "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"A\"}")
                .status()).isEqualTo(200);
        int before = scim.rows();

        // 409: a taken userName (a unique index refuses the INSERT, after the events were computed)
        assertThat(scim.send("POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"ALICE@contoso.example\"}").status()).isEqualTo(409);
        // 412: a stale If-Match
        assertThat(scim.patch("/Users/" + alice, "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"B\"}",
                "If-Match", version).status()).isEqualTo(412);
        assertThat(scim.send("DELETE", "/Users/" + alice, null, "If-Match", version).status()).isEqualTo(412);
        // any other failure inside the transaction: here the events themselves cannot be made
        StoreContext context = new StoreContext("t-rollback", "entra", CoreSchemas.USER_RESOURCE_TYPE,
                Projection.none(io.scimkit.core.schema.SchemaRegistry.core(), CoreSchemas.USER_RESOURCE_TYPE), Instant.now());
        ScimResource frank = ScimResource.of(ComplexValue.builder()
                .put("schemas", MultiValue.of(List.of(StringValue.of(CoreSchemas.USER_URN))))
                .put("userName", "frank@contoso.example").build());
        assertThatThrownBy(() -> scim.stores.users().create(context, ResourceCreate.of(frank), written -> {
            throw new IllegalStateException("no events");
        })).isInstanceOf(IllegalStateException.class);

        // 412 inside the store's transaction: the compare-and-swap finds another version
        assertThatThrownBy(() -> scim.stores.users().update(context, ResourceUpdate.replace(alice, version, frank),
                written -> List.of(new UserDeactivated(new EventContext("t-rollback", "entra", null, Instant.now(),
                        "User", alice, null))))).isInstanceOfSatisfying(ScimException.class,
                                failure -> assertThat(failure.status()).isEqualTo(412));

        assertThat(scim.rows()).isEqualTo(before);
        assertThat(scim.send("GET", "/Users", null).bodyText()).doesNotContain("frank@contoso.example");
    }

    @Test
    void aFailingEventHoldsBackTheLaterEventsOfItsResourceOnlyAndIsRetriedWithBackoff() {
        OutboxFixture scim = new OutboxFixture(database, "t-retry");
        String alice = scim.createUser("alice@contoso.example");
        String bob = scim.createUser("bob@contoso.example");
        scim.patch("/Users/" + alice, "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Alice\"}");
        scim.patch("/Users/" + bob, "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Bob\"}");
        scim.patch("/Users/" + alice, "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}");
        Set<String> refusedOnce = new HashSet<>();
        List<String> delivered = new ArrayList<>();
        OutboxDispatcher outbox = dispatcher(event -> {
            // alice's creation is refused twice, then accepted
            if (event.resourceId().equals(alice) && event.type().equals("user.created")
                    && refusedOnce.size() < 2 && refusedOnce.add("attempt-" + refusedOnce.size())) {
                throw new IllegalStateException("the application is down");
            }
            delivered.add(event.resourceId() + " " + event.type());
        });

        while (outbox.deliverDue() > 0) {
            // bob's events go through while alice's wait
        }
        assertThat(delivered).containsExactly(bob + " user.created", bob + " user.updated");
        assertThat(outbox.failedDeliveries()).isEqualTo(1);
        assertThat(outbox.backlog()).isEqualTo(3);

        clock.advance(Duration.ofSeconds(9)); // the first backoff is 10 seconds: not yet
        assertThat(outbox.deliverDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(outbox.deliverDue()).isZero(); // refused again; now 20 seconds
        assertThat(outbox.failedDeliveries()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(19));
        assertThat(outbox.deliverDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        while (outbox.deliverDue() > 0) {
            // alice's three, in order
        }

        assertThat(delivered).containsExactly(bob + " user.created", bob + " user.updated", alice + " user.created",
                alice + " user.updated", alice + " user.deactivated");
        assertThat(outbox.backlog()).isZero();
    }

    @Test
    void twoDispatchersOnOneH2DatabaseShareTheOutboxWithSkipLocked() throws Exception {
        // H2 2.x has SELECT ... FOR UPDATE SKIP LOCKED too: two servers in one JVM (an in-memory or
        // server-mode database) deliver every event once, in order per resource.
        try (HikariDataSource other = new HikariDataSource()) {
            other.setJdbcUrl(database.getJdbcUrl());
            other.setUsername("sa");
            other.setPassword("");
            OutboxLoad.assertEveryEventOnceInOrder(database, other);
        }
    }

    @Test
    void theBackoffDoublesUpToItsMaximum() {
        OutboxQueue queue = new OutboxQueue(database, List.of(), 10, Duration.ofSeconds(1), Duration.ofSeconds(30),
                clock);
        assertThat(List.of(1, 2, 3, 5, 6, 7, 100).stream().map(queue::backoff).map(Duration::toSeconds).toList())
                .containsExactly(1L, 2L, 4L, 16L, 30L, 30L, 30L);
    }

    @Test
    void deliveredEventsAreDeletedAfterTheRetention() {
        OutboxFixture scim = new OutboxFixture(database, "t-retention");
        scim.createUser("alice@contoso.example");
        OutboxDispatcher outbox = dispatcher(heard::add);
        outbox.deliverDue();
        scim.createUser("bob@contoso.example");
        clock.advance(Duration.ofMinutes(30));
        outbox.deliverDue();
        assertThat(scim.rows()).isEqualTo(2);

        clock.advance(Duration.ofMinutes(31)); // alice's was delivered 61 minutes ago, bob's 31
        assertThat(outbox.purge()).isEqualTo(1);
        assertThat(scim.rows()).isEqualTo(1);
        scim.createUser("carol@contoso.example"); // undelivered rows are never purged
        clock.advance(Duration.ofDays(1));
        assertThat(outbox.purge()).isEqualTo(1);
        assertThat(scim.pendingTypes()).containsExactly("user.created");
    }

    @Test
    void theStartedDispatcherDeliversOnItsDaemonThreadUntilClosed() throws Exception {
        OutboxFixture scim = new OutboxFixture(database, "t-thread");
        try (OutboxDispatcher outbox = OutboxDispatcher.builder(database).listener(heard::add)
                .pollInterval(Duration.ofMillis(20)).build().start()) {
            String alice = scim.createUser("alice@contoso.example");
            scim.patch("/Users/" + alice, "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (heard.snapshot().size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(types(heard.snapshot())).containsExactly("user.created", "user.deactivated");
            assertThatThrownBy(outbox::start).isInstanceOf(IllegalStateException.class);
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("scimkit-outbox")
                && t.isAlive());
    }

    @Test
    void listenersOfTheServiceAreStillToldSynchronouslyAndWithoutTheOutboxNoRowIsWritten() {
        List<ProvisioningEvent> synchronous = new ArrayList<>();
        JdbcStores plain = JdbcStores.create(database, io.scimkit.core.schema.SchemaRegistry.core());
        io.scimkit.core.ScimService service = io.scimkit.core.ScimService.builder()
                .baseUri(java.net.URI.create("https://scim.example.com/scim/v2")).userStore(plain.users())
                .groupStore(plain.groups()).listener(synchronous::add).build();
        ScimResponse created = service.handle(io.scimkit.core.protocol.ScimRequest.of("POST", "/Users",
                io.scimkit.core.protocol.ScimPrincipal.of("entra")).withHeaders(io.scimkit.core.protocol.HttpHeaders.of(
                        "Content-Type", "application/scim+json")).withBody(("{\"schemas\":[\"" + CoreSchemas.USER_URN
                        + "\"],\"userName\":\"gina@contoso.example\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(created.status()).isEqualTo(201);
        assertThat(types(synchronous)).containsExactly("user.created");
        assertThat(dispatcher(heard::add).backlog()).isZero();

        OutboxFixture scim = new OutboxFixture(database, "t-both");
        assertThat(scim.stores.users().recordsEvents()).isTrue();
        assertThat(plain.users().recordsEvents()).isFalse();
    }
}
