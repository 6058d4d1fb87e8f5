package io.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, reliability: the example server (its own JVM) is killed with SIGKILL in the middle of
 * concurrent creates and PATCHes; a new server on the same store must hold every request that got
 * a 2xx, and nothing half-written: every user readable and complete, every member of every group an
 * existing user, no member twice, no userName twice. On H2 (a file database in a fresh directory)
 * and on PostgreSQL (skipped, with the reason, when none is configured).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KillRecoveryIT {
    private static final String USER = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]";
    private static final String GROUP = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"]";
    private static final String PATCH_OP = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]";
    private static final int WORKERS = 6;
    private static final int GROUPS = 4;
    /** Kill once this many creates were acknowledged: well inside the load, whatever the machine's speed. */
    private static final int CREATES_BEFORE_KILL = 120;

    @TempDir
    Path temp;
    private Object postgres = "not probed";

    @BeforeAll
    void probe() {
        postgres = TestStores.postgresOrReason();
    }

    @Test
    void sigkillMidLoadLosesNoAcknowledgedWriteOnH2() throws InterruptedException {
        killAndVerify(List.of("--store", TestStores.h2(temp)), Map.of());
    }

    @Test
    void sigkillMidLoadLosesNoAcknowledgedWriteOnPostgres() throws InterruptedException {
        TestStores.Postgres pg = TestStores.requirePostgres(postgres);
        // The credentials come from the environment here (the URL carries them in JdbcExampleServerIT).
        killAndVerify(List.of("--store", pg.url()), Map.of("SCIM_DB_USER", pg.user(), "SCIM_DB_PASSWORD", pg.password()));
    }

    /** What the killed server acknowledged with a 2xx. */
    private static final class Acknowledged {
        final Map<String, String> userNames = new ConcurrentHashMap<>();
        final Map<String, String> displayNames = new ConcurrentHashMap<>();
        final Map<String, Set<String>> members = new ConcurrentHashMap<>();
    }

    private void killAndVerify(List<String> storeArguments, Map<String, String> env) throws InterruptedException {
        TestStores.Tenant tenant = TestStores.Tenant.fresh(temp);
        List<String> arguments = new ArrayList<>(storeArguments);
        arguments.addAll(List.of("--tenants", tenant.file().toString()));
        Acknowledged acked = new Acknowledged();
        List<String> groups = new ArrayList<>();
        ServerProcess first = ServerProcess.start(arguments, env);
        try {
            ScimHttp http = new ScimHttp(first.baseUri(), "Bearer " + tenant.token());
            for (int g = 0; g < GROUPS; g++) {
                ScimHttp.Answer group = http.post("/Groups", "{" + GROUP + ",\"displayName\":\"kill-group-" + g + "\"}");
                assertThat(group.status()).as(group.text()).isEqualTo(201);
                groups.add(group.body().path("id").asText());
                acked.members.put(groups.get(g), ConcurrentHashMap.newKeySet());
            }
            load(http, groups, acked, first);
        } finally {
            first.kill();
        }
        assertThat(acked.userNames).as("creates acknowledged before the kill").hasSizeGreaterThanOrEqualTo(
                CREATES_BEFORE_KILL);

        try (ServerProcess second = ServerProcess.start(arguments, env)) {
            ScimHttp http = new ScimHttp(second.baseUri(), "Bearer " + tenant.token());
            verify(http, groups, acked);
            // The restarted server works and still knows every acknowledged userName.
            String someone = acked.userNames.values().iterator().next();
            assertThat(http.post("/Users", "{" + USER + ",\"userName\":\"" + someone + "\"}").status()).isEqualTo(409);
            assertThat(http.post("/Users", "{" + USER + ",\"userName\":\"after-restart\"}").status()).isEqualTo(201);
        }
    }

    /** Workers create users, add them to groups and rename them until the server dies; the server is killed mid-way. */
    private static void load(ScimHttp http, List<String> groups, Acknowledged acked, ServerProcess server)
            throws InterruptedException {
        AtomicBoolean dead = new AtomicBoolean();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        for (int w = 0; w < WORKERS; w++) {
            int worker = w;
            workers.submit(() -> {
                for (int n = 0; !dead.get(); n++) {
                    try {
                        step(http, groups, acked, worker, n);
                    } catch (RuntimeException connectionLost) {
                        // Expected once the server is killed: the request's outcome is unknown.
                        failures.incrementAndGet();
                        if (dead.get()) {
                            return;
                        }
                    }
                }
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acked.userNames.size() < CREATES_BEFORE_KILL && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        server.kill();
        dead.set(true);
        workers.shutdown();
        assertThat(workers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    private static void step(ScimHttp http, List<String> groups, Acknowledged acked, int worker, int n) {
        String userName = "kill-" + worker + "-" + n + "@contoso.example";
        ScimHttp.Answer created = http.post("/Users", "{" + USER + ",\"userName\":\"" + userName + "\","
                + "\"externalId\":\"x-" + worker + "-" + n + "\",\"emails\":[{\"type\":\"work\",\"value\":\""
                + userName + "\"}]}");
        if (created.status() != 201) {
            throw new AssertionError("create refused: " + created.status() + " " + created.text());
        }
        String id = created.body().path("id").asText();
        acked.userNames.put(id, userName);
        String group = groups.get(n % groups.size());
        ScimHttp.Answer added = http.patch("/Groups/" + group, "{" + PATCH_OP + ",\"Operations\":[{\"op\":\"add\","
                + "\"path\":\"members\",\"value\":[{\"value\":\"" + id + "\"}]}]}");
        if (added.status() / 100 == 2) {
            acked.members.get(group).add(id);
        }
        String displayName = "Renamed " + worker + "/" + n;
        ScimHttp.Answer renamed = http.patch("/Users/" + id, "{" + PATCH_OP + ",\"Operations\":[{\"op\":\"replace\","
                + "\"path\":\"displayName\",\"value\":\"" + displayName + "\"}]}");
        if (renamed.status() / 100 == 2) {
            acked.displayNames.put(id, displayName);
        }
    }

    private static void verify(ScimHttp http, List<String> groups, Acknowledged acked) {
        Map<String, JsonNode> users = allUsers(http);
        // Every acknowledged create and rename is there (listed by what is missing, to keep failures short).
        List<String> lost = new ArrayList<>();
        acked.userNames.forEach((id, userName) -> {
            if (!users.containsKey(id) || !users.get(id).path("userName").asText().equals(userName)) {
                lost.add("create of " + userName);
            }
        });
        acked.displayNames.forEach((id, displayName) -> {
            if (users.containsKey(id) && !users.get(id).path("displayName").asText().equals(displayName)) {
                lost.add("rename of " + id + " to " + displayName);
            }
        });
        assertThat(lost).as("acknowledged writes lost by the kill (%d users stored)", users.size()).isEmpty();
        // Nothing half-written: every stored user is whole and readable on its own; no userName twice.
        Set<String> userNames = new HashSet<>();
        for (Map.Entry<String, JsonNode> user : users.entrySet()) {
            JsonNode body = user.getValue();
            assertThat(body.path("userName").asText()).isNotBlank();
            assertThat(body.path("emails").get(0).path("value").asText()).isEqualTo(body.path("userName").asText());
            assertThat(body.path("meta").path("created").asText()).isNotBlank();
            assertThat(userNames.add(body.path("userName").asText().toLowerCase(Locale.ROOT)))
                    .as("userName %s once", body.path("userName").asText()).isTrue();
            ScimHttp.Answer single = http.get("/Users/" + user.getKey());
            assertThat(single.status()).as(single.text()).isEqualTo(200);
        }
        // Every acknowledged member add is there; every member is an existing user, once.
        for (String group : groups) {
            ScimHttp.Answer answer = http.get("/Groups/" + group);
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            List<String> members = new ArrayList<>();
            answer.body().path("members").forEach(member -> members.add(member.path("value").asText()));
            assertThat(members).as("members of %s", group).doesNotHaveDuplicates();
            List<String> lostMembers = acked.members.get(group).stream().filter(id -> !members.contains(id)).toList();
            assertThat(lostMembers).as("acknowledged member adds to %s lost by the kill", group).isEmpty();
            List<String> strangers = members.stream().filter(id -> !users.containsKey(id)).toList();
            assertThat(strangers).as("members of %s that are no user", group).isEmpty();
        }
    }

    /** Every user of the tenant, by id, read page by page. */
    static Map<String, JsonNode> allUsers(ScimHttp http) {
        Map<String, JsonNode> users = new HashMap<>();
        for (int start = 1; ; start += 500) {
            ScimHttp.Answer page = http.get("/Users?startIndex=" + start + "&count=500");
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            JsonNode resources = page.body().path("Resources");
            resources.forEach(user -> users.put(user.path("id").asText(), user));
            if (resources.size() < 500) {
                assertThat(users).hasSize(page.body().path("totalResults").asInt());
                return users;
            }
        }
    }
}
