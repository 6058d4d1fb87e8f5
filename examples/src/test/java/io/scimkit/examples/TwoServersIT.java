package io.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, reliability: two example server processes on one PostgreSQL, with requests spread over
 * both. Concurrent member adds to the same groups (some pairs added twice, once through each
 * server) end with exactly the expected members, none lost or doubled; the same userName created
 * through both servers at the same moment (in different letter case, RFC 7643 §4.1.1 caseExact
 * false) gives exactly one 201 and one 409 {@code uniqueness}, and exactly one user. Skipped, with
 * the reason, without PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoServersIT {
    private static final String USER = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]";
    private static final String GROUP = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"]";
    private static final String PATCH_OP = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]";
    private static final int GROUPS = 3;
    private static final int USERS = 40;
    private static final int RACES = 30;
    private static final int THREADS = 8;

    @TempDir
    Path temp;
    private Object postgres = "not probed";

    @BeforeAll
    void probe() {
        postgres = TestStores.postgresOrReason();
    }

    @Test
    void concurrentMemberAddsAndUserNameRacesAcrossTwoServersEndExact() throws Exception {
        TestStores.Postgres pg = TestStores.requirePostgres(postgres);
        TestStores.Tenant tenant = TestStores.Tenant.fresh(temp);
        List<String> arguments = List.of("--store", pg.url(), "--tenants", tenant.file().toString());
        Map<String, String> env = Map.of("SCIM_DB_USER", pg.user(), "SCIM_DB_PASSWORD", pg.password());
        // Started together: both apply the (already applied or fresh) schema at the same time.
        CompletableFuture<ServerProcess> startingA = CompletableFuture.supplyAsync(() -> ServerProcess.start(arguments, env));
        CompletableFuture<ServerProcess> startingB = CompletableFuture.supplyAsync(() -> ServerProcess.start(arguments, env));
        try (ServerProcess a = startingA.get(90, TimeUnit.SECONDS); ServerProcess b = startingB.get(90, TimeUnit.SECONDS)) {
            List<ScimHttp> servers = List.of(new ScimHttp(a.baseUri(), "Bearer " + tenant.token()),
                    new ScimHttp(b.baseUri(), "Bearer " + tenant.token()));
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                memberAdds(servers, pool);
                userNameRaces(servers, pool);
            } finally {
                pool.shutdownNow();
            }
        } finally {
            startingA.thenAccept(ServerProcess::close);
            startingB.thenAccept(ServerProcess::close);
        }
    }

    private static void memberAdds(List<ScimHttp> servers, ExecutorService pool) throws Exception {
        List<String> groups = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            groups.add(created(servers.get(g % 2).post("/Groups", "{" + GROUP + ",\"displayName\":\"shared-" + g + "\"}")));
        }
        List<String> users = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            users.add(created(servers.get(u % 2).post("/Users", "{" + USER + ",\"userName\":\"member-" + u + "\"}")));
        }
        // Every (group, user) pair once, every fifth user's pairs twice (once through each server), shuffled.
        List<Runnable> adds = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            for (int u = 0; u < USERS; u++) {
                String group = groups.get(g);
                String user = users.get(u);
                int server = (g + u) % 2;
                adds.add(() -> addMember(servers.get(server), group, user));
                if (u % 5 == 0) {
                    adds.add(() -> addMember(servers.get(1 - server), group, user));
                }
            }
        }
        Collections.shuffle(adds, new Random(7));
        List<Future<?>> running = new ArrayList<>();
        adds.forEach(add -> running.add(pool.submit(add)));
        for (Future<?> add : running) {
            add.get(120, TimeUnit.SECONDS);
        }
        for (String group : groups) {
            for (ScimHttp server : servers) {
                List<String> members = new ArrayList<>();
                server.get("/Groups/" + group).body().path("members").forEach(m -> members.add(m.path("value").asText()));
                assertThat(members).as("members of %s", group).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(users);
            }
        }
    }

    private static void addMember(ScimHttp server, String group, String user) {
        ScimHttp.Answer answer = server.patch("/Groups/" + group, "{" + PATCH_OP + ",\"Operations\":[{\"op\":\"add\","
                + "\"path\":\"members\",\"value\":[{\"value\":\"" + user + "\"}]}]}");
        assertThat(answer.status()).as("add %s to %s: %s", user, group, answer.text()).isIn(200, 204);
    }

    private static void userNameRaces(List<ScimHttp> servers, ExecutorService pool) throws Exception {
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int r = 0; r < RACES; r++) {
            CyclicBarrier together = new CyclicBarrier(2);
            String name = "race-" + r + "@contoso.example";
            statuses.add(pool.submit(() -> create(servers.get(0), name, together)));
            statuses.add(pool.submit(() -> create(servers.get(1), name.toUpperCase(java.util.Locale.ROOT), together)));
        }
        for (int r = 0; r < RACES; r++) {
            int first = statuses.get(2 * r).get(120, TimeUnit.SECONDS);
            int second = statuses.get(2 * r + 1).get(120, TimeUnit.SECONDS);
            assertThat(List.of(first, second)).as("race %d", r).containsExactlyInAnyOrder(201, 409);
            for (ScimHttp server : servers) {
                JsonNode found = server.get("/Users?filter=userName+eq+%22race-" + r + "%40contoso.example%22").body();
                assertThat(found.path("totalResults").asInt()).as("users named race-%d", r).isEqualTo(1);
            }
        }
        assertThat(KillRecoveryIT.allUsers(servers.get(1))).hasSize(USERS + RACES);
    }

    private static int create(ScimHttp server, String userName, CyclicBarrier together) throws Exception {
        together.await(60, TimeUnit.SECONDS);
        ScimHttp.Answer answer = server.post("/Users", "{" + USER + ",\"userName\":\"" + userName + "\"}");
        if (answer.status() == 409) {
            assertThat(answer.body().path("scimType").asText()).isEqualTo("uniqueness");
        }
        return answer.status();
    }

    private static String created(ScimHttp.Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return answer.body().path("id").asText();
    }
}
