package io.scimkit.core.protocol;

import static io.scimkit.core.protocol.ScimTestClient.USER_URN;
import static io.scimkit.core.protocol.ScimTestClient.patchOp;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimkit.core.protocol.ScimTestClient.Reply;
import io.scimkit.core.value.MultiValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Concurrent requests (DESIGN.md §4): member deltas and compare-and-swap with retry never lose a
 * change, and uniqueness holds under racing creates. Outcomes are checked, never timings.
 */
class ResourceConcurrencyTest {
    private final ScimTestClient client = ScimTestClient.create();

    @Test
    void eightThreadsAdding500MembersEachLoseNone() throws Exception {
        String group = client.createGroup("Everyone");

        List<Reply> replies = runConcurrently(8, thread -> {
            List<Reply> own = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                own.add(client.patch("/Groups/" + group, patchOp(
                        "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"t" + thread + "-" + i + "\"}]}")));
            }
            return own;
        });

        assertThat(replies).hasSize(4000).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(204));
        MultiValue stored = (MultiValue) client.stored("Group", group).orElseThrow().get("members").orElseThrow();
        assertThat(stored.size()).isEqualTo(4000);
        Set<String> ids = new HashSet<>(client.get("/Groups/" + group).memberIds());
        assertThat(ids).hasSize(4000).contains("t0-0", "t7-499");
    }

    @Test
    void sixteenRacingCreatesOfOneUserNameGiveOne201AndFifteen409() throws Exception {
        List<Reply> replies = runConcurrently(16, thread -> {
            String userName = thread % 2 == 0 ? "RaceUser" : "raceuser".substring(0, thread % 8) + "RACEUSER".substring(thread % 8);
            return List.of(client.post("/Users", "{\"schemas\":[\"" + USER_URN + "\"],\"userName\":\"" + userName + "\"}"));
        });

        assertThat(replies.stream().filter(reply -> reply.status() == 201)).hasSize(1);
        List<Reply> conflicts = replies.stream().filter(reply -> reply.status() != 201).toList();
        assertThat(conflicts).hasSize(15).allSatisfy(reply -> reply.assertError(409, "uniqueness"));
        assertThat(client.count("User")).isEqualTo(1);
    }

    @Test
    void eightThreadsPatchingDifferentAttributesOfOneUserLoseNone() throws Exception {
        String user = client.createUser("shared");
        String[] attributes = {"displayName", "nickName", "title", "userType", "preferredLanguage", "locale",
            "timezone", "profileUrl"};

        List<Reply> replies = runConcurrently(8, thread -> {
            List<Reply> own = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                own.add(client.patch("/Users/" + user, patchOp("{\"op\":\"replace\",\"path\":\"" + attributes[thread]
                        + "\",\"value\":\"v" + thread + "-" + i + "\"}")));
            }
            return own;
        });

        assertThat(replies).hasSize(200).allSatisfy(reply -> assertThat(reply.status()).as(reply.text()).isEqualTo(200));
        JsonNode stored = client.get("/Users/" + user).json();
        for (int thread = 0; thread < 8; thread++) {
            assertThat(stored.path(attributes[thread]).asText()).isEqualTo("v" + thread + "-24");
        }
    }

    @Test
    void concurrentMemberAndAttributePatchesOfOneGroupLoseNone() throws Exception {
        String group = client.createGroup("Mixed");

        List<Reply> replies = runConcurrently(4, thread -> {
            List<Reply> own = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String op = thread == 0
                        ? "{\"op\":\"replace\",\"path\":\"externalId\",\"value\":\"e" + i + "\"}"
                        : "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"m" + thread + "-" + i + "\"}]}";
                own.add(client.patch("/Groups/" + group, patchOp(op)));
            }
            return own;
        });

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(204));
        Reply after = client.get("/Groups/" + group);
        assertThat(after.memberIds()).hasSize(150);
        assertThat(after.json().path("externalId").asText()).isEqualTo("e49");
    }

    /** Runs the task on n threads started together and returns every reply. */
    private static List<Reply> runConcurrently(int threads, ThreadTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Reply>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<List<Reply>> callable = () -> {
                    start.await();
                    return task.run(thread);
                };
                futures.add(pool.submit(callable));
            }
            start.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<List<Reply>> future : futures) {
                replies.addAll(future.get(5, TimeUnit.MINUTES));
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface ThreadTask {
        List<Reply> run(int thread) throws Exception;
    }
}
