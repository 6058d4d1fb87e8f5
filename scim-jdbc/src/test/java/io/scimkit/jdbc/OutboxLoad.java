package io.scimkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.codec.EventCodec;
import io.scimkit.core.event.ProvisioningEvent;
import io.scimkit.core.protocol.ScimResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** A concurrent write load on two servers sharing one outbox, and what must hold of its delivery. */
final class OutboxLoad {
    private OutboxLoad() {
    }

    /** What names one change's event: the same each time it is delivered. */
    private static String key(ProvisioningEvent event) {
        return event.tenant() + "|" + event.resourceId() + "|" + event.type() + "|" + event.version();
    }

    /**
     * Two servers (each with its pool, service and started dispatcher) on one database, four writers
     * spread over both: every event of every acknowledged change is delivered, exactly once (no
     * dispatcher dies), never by both at the same time, in order per resource, by both dispatchers.
     */
    static void assertEveryEventOnceInOrder(DataSource serverA, DataSource serverB) throws Exception {
        OutboxFixture a = new OutboxFixture(serverA, "t-load");
        OutboxFixture b = new OutboxFixture(serverB, "t-load");
        String group = a.createGroup("Everyone");
        Map<String, Boolean> inFlight = new ConcurrentHashMap<>();
        List<String> overlaps = Collections.synchronizedList(new ArrayList<>());
        List<ProvisioningEvent> delivered = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger byA = new AtomicInteger();
        AtomicInteger byB = new AtomicInteger();
        try (OutboxDispatcher dispatcherA = dispatcher(serverA, inFlight, overlaps, delivered, byA);
                OutboxDispatcher dispatcherB = dispatcher(serverB, inFlight, overlaps, delivered, byB)) {
            dispatcherA.start();
            dispatcherB.start();
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<List<String>>> work = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                OutboxFixture server = w % 2 == 0 ? a : b;
                int writer = w;
                work.add(writers.submit(() -> write(server, writer, group)));
            }
            List<String> users = new ArrayList<>();
            for (Future<List<String>> done : work) {
                users.addAll(done.get(5, TimeUnit.MINUTES));
            }
            writers.shutdown();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (dispatcherA.backlog() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(dispatcherA.backlog()).isZero();
            assertThat(dispatcherB.backlog()).isZero();
            assertThat(dispatcherA.failedDeliveries() + dispatcherB.failedDeliveries()).isZero();

            // Every acknowledged change has its event, delivered exactly once (no dispatcher died).
            Set<String> recorded = recordedKeys(serverA);
            List<String> deliveredKeys = delivered.stream().filter(event -> event.tenant().equals("t-load"))
                    .map(OutboxLoad::key).toList();
            assertThat(overlaps).isEmpty();
            assertThat(deliveredKeys).doesNotHaveDuplicates();
            assertThat(new HashSet<>(deliveredKeys)).isEqualTo(recorded);
            for (String user : users) {
                assertThat(deliveredKeys).contains("t-load|" + user + "|user.created|W/\"1\"",
                        "t-load|" + user + "|user.updated|W/\"2\"", "t-load|" + user + "|user.deactivated|W/\"3\"");
            }
            assertThat(deliveredKeys.stream().filter(k -> k.contains("|group.members_added|"))).hasSize(users.size());
            // Both servers took part.
            assertThat(byA.get()).isPositive();
            assertThat(byB.get()).isPositive();
            // In order per resource: the versions of each resource's events ascend as delivered.
            Map<String, List<Long>> versions = new LinkedHashMap<>();
            for (ProvisioningEvent event : List.copyOf(delivered)) {
                versions.computeIfAbsent(event.resourceId(), id -> new ArrayList<>()).add(counter(event.version()));
            }
            versions.forEach((id, list) -> assertThat(list).as(id).isSorted());
        }
    }

    private static long counter(String version) {
        return Long.parseLong(version.replaceAll("[^0-9]", ""));
    }

    /** One writer: users created, changed, disabled and added to the group; the ids of the users. */
    private static List<String> write(OutboxFixture server, int writer, String group) {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String user = server.createUser("w" + writer + "-" + i + "@contoso.example");
            users.add(user);
            ScimResponse renamed = server.patch("/Users/" + user,
                    "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"User " + i + "\"}");
            assertThat(renamed.status()).as(renamed.bodyText()).isEqualTo(200);
            ScimResponse disabled = server.patch("/Users/" + user,
                    "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}");
            assertThat(disabled.status()).as(disabled.bodyText()).isEqualTo(200);
            ScimResponse joined = server.patch("/Groups/" + group,
                    "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + user + "\"}]}");
            assertThat(joined.status()).as(joined.bodyText()).isEqualTo(204);
        }
        return users;
    }

    private static OutboxDispatcher dispatcher(DataSource server, Map<String, Boolean> inFlight,
            List<String> overlaps, List<ProvisioningEvent> delivered, AtomicInteger count) {
        return OutboxDispatcher.builder(server).pollInterval(Duration.ofMillis(20)).batchSize(20).listener(event -> {
            String key = key(event);
            if (inFlight.putIfAbsent(key, Boolean.TRUE) != null) {
                overlaps.add(key);
            }
            delivered.add(event);
            count.incrementAndGet();
            inFlight.remove(key);
        }).build();
    }

    /** The keys of every event the outbox holds for the load test's tenant. */
    private static Set<String> recordedKeys(DataSource serverA) throws Exception {
        Set<String> keys = new HashSet<>();
        try (Connection connection = serverA.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT payload FROM scim_outbox WHERE tenant = 't-load'")) {
            while (rows.next()) {
                keys.add(key(EventCodec.read(rows.getString(1))));
            }
        }
        return keys;
    }

}
