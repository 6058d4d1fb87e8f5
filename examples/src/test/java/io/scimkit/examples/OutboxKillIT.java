package io.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, provisioning events at least once: the example server (its own JVM, {@code --events}
 * pointing at a test webhook, signed) is killed with SIGKILL in the middle of a write load (creates,
 * Entra-style PATCHes of users and group members, disables, deletes) while its outbox has a backlog
 * (the webhook answers slowly and refuses some first deliveries); a new server on the same database
 * delivers the backlog. Then every change the load got a 2xx for has exactly one event (delivered at
 * least once; a duplicate only as a redelivery of the same event id), every event belongs to a change
 * that happened (each resource's events end at the version the store holds, or at its deletion), and
 * the outbox holds no undelivered row. On H2 and on PostgreSQL (in a schema of its own; skipped, with
 * the reason, when none is configured).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxKillIT {
    private static final String SECRET = "kill-secret-" + UUID.randomUUID();
    private static final String USER = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]";
    private static final String GROUP = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"]";
    private static final String PATCH_OP = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]";
    private static final int WORKERS = 4;
    private static final int GROUPS = 2;
    /** Kill once this many creates were acknowledged: inside the load, with a backlog in the outbox. */
    private static final int CREATES_BEFORE_KILL = 40;

    @TempDir
    Path temp;
    private Object postgres = "not probed";

    @BeforeAll
    void probe() {
        postgres = TestStores.postgresOrReason();
    }

    @Test
    void sigkillMidLoadLosesNoEventOfAnAcknowledgedChangeOnH2() throws Exception {
        String store = TestStores.h2(temp);
        String jdbcUrl = "jdbc:h2:file:" + Path.of(store.substring(3)).resolve("scim");
        killAndVerify(List.of("--store", store), Map.of(), () -> DriverManager.getConnection(jdbcUrl, "sa", ""));
    }

    @Test
    void sigkillMidLoadLosesNoEventOfAnAcknowledgedChangeOnPostgres() throws Exception {
        TestStores.Postgres pg = TestStores.requirePostgres(postgres);
        // The outbox is one table per database: a schema of its own keeps other runs' events out of this one.
        String schema = "scimkit_outbox_kill_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = pg.url() + (pg.url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try (Connection admin = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            try {
                killAndVerify(List.of("--store", url), Map.of("SCIM_DB_USER", pg.user(), "SCIM_DB_PASSWORD",
                        pg.password()), () -> DriverManager.getConnection(url, pg.user(), pg.password()));
            } finally {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    /** Opens the test's own connection to the server's database, after the server stopped (H2 locks its file). */
    @FunctionalInterface
    private interface Database {
        Connection open() throws SQLException;
    }

    /** A change the killed server acknowledged with a 2xx, as the event it must have. */
    private record Change(String type, String resourceId, @Nullable String version, @Nullable String memberId) {
    }

    private void killAndVerify(List<String> storeArguments, Map<String, String> env, Database database)
            throws Exception {
        TestStores.Tenant tenant = TestStores.Tenant.fresh(temp);
        Map<String, String> environment = new LinkedHashMap<>(env);
        environment.put("SCIM_EVENTS_SECRET", SECRET);
        Set<Change> acked = ConcurrentHashMap.newKeySet();
        List<String> groups = new ArrayList<>();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            List<String> arguments = new ArrayList<>(storeArguments);
            arguments.addAll(List.of("--tenants", tenant.file().toString(), "--events", receiver.url().toString(),
                    "--min-body-rate", "0"));
            // A slow webhook that refuses the first delivery of some events: a backlog and retries at the kill.
            Set<String> refused = ConcurrentHashMap.newKeySet();
            receiver.delay(15);
            receiver.answer(id -> id != null && id.charAt(0) < '3' && refused.add(id) ? 503 : 204);

            ServerProcess first = ServerProcess.start(arguments, environment);
            try {
                ScimHttp http = new ScimHttp(first.baseUri(), "Bearer " + tenant.token());
                for (int g = 0; g < GROUPS; g++) {
                    ScimHttp.Answer group = http.post("/Groups", "{" + GROUP + ",\"displayName\":\"events-" + g + "\"}");
                    assertThat(group.status()).as("%s\n%s", group.text(), first.output()).isEqualTo(201);
                    groups.add(group.body().path("id").asText());
                    acked.add(new Change("group.created", groups.get(g), version(group), null));
                }
                // Killed once deliveries have begun, so that the kill lands in the middle of them.
                load(http, groups, acked, first, () -> !receiver.acknowledged().isEmpty());
            } finally {
                first.kill();
            }
            int beforeRestart = receiver.deliveries().size();
            assertThat(receiver.acknowledged()).as("deliveries before the kill").isNotEmpty();

            receiver.delay(0);
            try (ServerProcess second = ServerProcess.start(arguments, environment)) {
                ScimHttp http = new ScimHttp(second.baseUri(), "Bearer " + tenant.token());
                Map<String, JsonNode> users = KillRecoveryIT.allUsers(http);
                Map<String, String> finalVersions = new ConcurrentHashMap<>();
                users.forEach((id, user) -> finalVersions.put(id, user.path("meta").path("version").asText()));
                for (String group : groups) {
                    finalVersions.put(group, http.get("/Groups/" + group).body().path("meta").path("version").asText());
                }
                // The backlog is delivered: every acknowledged change and every resource's current version.
                receiver.await(deliveries -> missing(acked, finalVersions, distinct(receiver)).isEmpty(), 40);
                awaitQuiet(receiver);
                verify(receiver, acked, finalVersions, tenant.name());
                List<WebhookReceiver.Delivery> all = receiver.deliveries();
                assertThat(all.subList(beforeRestart, all.size())).as("the backlog the restarted server delivered")
                        .anyMatch(WebhookReceiver.Delivery::acknowledged);
                System.out.printf("%s: %d acknowledged changes, %d deliveries (%d before the kill), %d distinct events,"
                        + " %d first deliveries refused%n", storeArguments.get(1).replaceAll("\\?.*", ""),
                        acked.size(), all.size(), beforeRestart, distinct(receiver).size(), refused.size());
            }
            assertOutboxDelivered(database, tenant.name(), distinct(receiver).size());
        }
    }

    /** Workers run Entra's kind of writes until the server dies; the server is killed mid-way. */
    private static void load(ScimHttp http, List<String> groups, Set<Change> acked, ServerProcess server,
            BooleanSupplier delivering) throws InterruptedException {
        AtomicBoolean killing = new AtomicBoolean();
        AtomicBoolean dead = new AtomicBoolean();
        Set<String> createdUsers = ConcurrentHashMap.newKeySet();
        List<String> unexpected = new CopyOnWriteArrayList<>();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        for (int w = 0; w < WORKERS; w++) {
            int worker = w;
            workers.submit(() -> {
                for (int n = 0; !dead.get(); n++) {
                    try {
                        step(http, groups, acked, createdUsers, worker, n);
                    } catch (RuntimeException failed) {
                        // Expected once the server is killed: the outcome of the request in flight is unknown.
                        if (killing.get()) {
                            return;
                        }
                        unexpected.add(String.valueOf(failed.getMessage()));
                    }
                }
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((createdUsers.size() < CREATES_BEFORE_KILL || !delivering.getAsBoolean())
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        killing.set(true);
        server.kill();
        dead.set(true);
        workers.shutdown();
        assertThat(workers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(unexpected).as("failures before the kill").isEmpty();
        assertThat(createdUsers).as("creates acknowledged before the kill").hasSizeGreaterThanOrEqualTo(
                CREATES_BEFORE_KILL);
    }

    private static void step(ScimHttp http, List<String> groups, Set<Change> acked, Set<String> createdUsers,
            int worker, int n) {
        String userName = "ev-" + worker + "-" + n + "@contoso.example";
        ScimHttp.Answer created = http.post("/Users", "{" + USER + ",\"userName\":\"" + userName + "\",\"active\":true,"
                + "\"externalId\":\"x-" + worker + "-" + n + "\"}");
        if (created.status() != 201) {
            throw new IllegalStateException("create refused: " + created.status() + " " + created.text());
        }
        String id = created.body().path("id").asText();
        acked.add(new Change("user.created", id, version(created), null));
        createdUsers.add(id);

        String group = groups.get((worker + n) % groups.size());
        ScimHttp.Answer added = http.patch("/Groups/" + group, "{" + PATCH_OP + ",\"Operations\":[{\"op\":\"Add\","
                + "\"path\":\"members\",\"value\":[{\"value\":\"" + id + "\"}]}]}");
        if (added.status() / 100 == 2) {
            acked.add(new Change("group.members_added", group, null, id));
        }
        ScimHttp.Answer renamed = http.patch("/Users/" + id, "{" + PATCH_OP + ",\"Operations\":[{\"op\":\"Replace\","
                + "\"path\":\"displayName\",\"value\":\"Renamed " + worker + "/" + n + "\"}]}");
        if (renamed.status() == 200) {
            acked.add(new Change("user.updated", id, version(renamed), null));
        }
        ScimHttp.Answer disabled = http.patch("/Users/" + id, "{" + PATCH_OP + ",\"Operations\":[{\"op\":\"Replace\","
                + "\"path\":\"active\",\"value\":\"False\"}]}");
        if (disabled.status() == 200) {
            acked.add(new Change("user.deactivated", id, version(disabled), null));
        }
        if (n % 2 == 0 && http.delete("/Users/" + id).status() == 204) {
            acked.add(new Change("user.deleted", id, null, null));
        }
    }

    private static String version(ScimHttp.Answer answer) {
        return answer.body().path("meta").path("version").asText();
    }

    /** One delivery per event id (the first), in arrival order: the event stream without redeliveries. */
    private static Map<String, WebhookReceiver.Delivery> distinct(WebhookReceiver receiver) {
        Map<String, WebhookReceiver.Delivery> events = new LinkedHashMap<>();
        for (WebhookReceiver.Delivery delivery : receiver.acknowledged()) {
            events.putIfAbsent(Objects.requireNonNull(delivery.eventId()), delivery);
        }
        return events;
    }

    /** What the event stream still lacks: acknowledged changes, and resources whose current version has no event. */
    private static List<String> missing(Set<Change> acked, Map<String, String> finalVersions,
            Map<String, WebhookReceiver.Delivery> events) {
        List<String> missing = new ArrayList<>();
        for (Change change : acked) {
            if (count(events, change) == 0) {
                missing.add(change.toString());
            }
        }
        finalVersions.forEach((id, version) -> {
            boolean seen = events.values().stream().anyMatch(delivery -> delivery.json().path("resourceId").asText()
                    .equals(id) && delivery.json().path("version").asText().equals(version));
            if (!seen) {
                missing.add("an event for " + id + " at its stored version " + version);
            }
        });
        return missing;
    }

    /** How many distinct events tell of this change. */
    private static long count(Map<String, WebhookReceiver.Delivery> events, Change change) {
        return events.values().stream().map(WebhookReceiver.Delivery::json).filter(event ->
                event.path("type").asText().equals(change.type())
                        && event.path("resourceId").asText().equals(change.resourceId())
                        && (change.version() == null || event.path("version").asText().equals(change.version()))
                        && (change.memberId() == null || contains(event.path("memberIds"), change.memberId())))
                .count();
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** Waits until no delivery arrived for three poll intervals of the dispatcher (it polls every second). */
    private static void awaitQuiet(WebhookReceiver receiver) throws InterruptedException {
        int seen = -1;
        for (int i = 0; i < 20 && receiver.deliveries().size() != seen; i++) {
            seen = receiver.deliveries().size();
            Thread.sleep(3_000);
        }
    }

    private static void verify(WebhookReceiver receiver, Set<Change> acked, Map<String, String> finalVersions,
            String tenant) {
        Map<String, WebhookReceiver.Delivery> events = distinct(receiver);
        assertThat(missing(acked, finalVersions, events)).as("changes without a delivered event").isEmpty();
        // Exactly one event per acknowledged change; anything delivered twice is the same event id again.
        List<String> doubled = acked.stream().filter(change -> count(events, change) != 1).map(Change::toString)
                .toList();
        assertThat(doubled).as("acknowledged changes with more than one distinct event").isEmpty();
        assertThat(receiver.deliveries()).allSatisfy(delivery -> {
            assertThat(WebhookReceiver.signedWith(SECRET, delivery)).as(delivery.signature()).isTrue();
            assertThat(delivery.json().path("tenant").asText()).isEqualTo(tenant);
        });
        // No event of a change that did not happen: each resource's events run through distinct versions and
        // end at the version the store holds, or at the resource's deletion.
        Map<String, List<JsonNode>> byResource = new LinkedHashMap<>();
        events.values().forEach(delivery -> byResource.computeIfAbsent(delivery.json().path("resourceId").asText(),
                id -> new ArrayList<>()).add(delivery.json()));
        List<String> phantoms = new ArrayList<>();
        byResource.forEach((id, stream) -> {
            List<String> versions = stream.stream().filter(event -> event.has("version"))
                    .map(event -> event.path("version").asText()).toList();
            JsonNode last = stream.get(stream.size() - 1);
            String stored = finalVersions.get(id);
            boolean consistent = versions.stream().distinct().count() == versions.size()
                    && (stored == null ? last.path("type").asText().equals("user.deleted")
                    : stored.equals(last.path("version").asText()));
            boolean born = stream.get(0).path("type").asText().endsWith(".created");
            if (!consistent || !born) {
                phantoms.add(id + " (stored version " + stored + "): " + stream);
            }
        });
        assertThat(phantoms).as("event streams that disagree with the store").isEmpty();
        assertThat(byResource.keySet()).as("every stored resource has events").containsAll(finalVersions.keySet());
    }

    /** After the server stopped: the outbox holds exactly the delivered events of this tenant, none pending. */
    private static void assertOutboxDelivered(Database database, String tenant, int distinctEvents)
            throws SQLException {
        try (Connection connection = database.open(); PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*), COUNT(delivered_at) FROM scim_outbox WHERE tenant = ?")) {
            query.setString(1, tenant);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getLong(1)).as("outbox rows of the tenant = distinct events delivered")
                        .isEqualTo(distinctEvents);
                assertThat(row.getLong(2)).as("outbox rows marked delivered").isEqualTo(row.getLong(1));
            }
        }
    }
}
