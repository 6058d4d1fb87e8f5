package io.scimkit.testkit.store;

import io.scimkit.core.store.ResourceCreate;
import static io.scimkit.testkit.store.ContractFixtures.id;
import static io.scimkit.testkit.store.ContractFixtures.memberElements;
import static io.scimkit.testkit.store.ContractFixtures.memberIds;
import static io.scimkit.testkit.store.ContractFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.MemberChanges;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ScimValue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@code UserStore}/{@code GroupStore} implementation must keep (DESIGN.md §4),
 * as a JUnit 5 suite. Extend it in a test class, return fresh stores from
 * {@link #createStores}, and say what the stores cannot do by overriding
 * {@link #removesDeletedUsersFromGroups()} or {@link #supportsUniqueExternalId()}; sorting and
 * cursor tests are skipped when {@code capabilities()} says the store leaves them to the core.
 *
 * <pre>{@code
 * class MyStoreContractTest extends StoreContract {
 *     @Override
 *     protected ContractStores createStores(SchemaRegistry schemas, ContractOptions options) {
 *         MyStores stores = new MyStores(dataSource, schemas, options.uniqueExternalId());
 *         return new ContractStores(stores.users(), stores.groups());
 *     }
 * }
 * }</pre>
 *
 * <p>The suite, across its parts: create/get/update/delete round trips, {@code id} and {@code meta}
 * stamping, versions and compare-and-swap (P-VER), hard delete (P-DEL), case-insensitive
 * uniqueness of {@code userName} and group {@code displayName}, {@code externalId} uniqueness only
 * when configured (K-49), tenant isolation, Entra's lookups, exact filtering, index paging, sorting,
 * cursors (RFC 9865), member deltas, {@code groupsOf}, K-64, projection of {@code members}, and
 * (here) concurrency: parallel member adds, racing creates of one userName, and compare-and-swap
 * retries that lose nothing. Each test uses a fresh random tenant.
 */
public abstract class StoreContract extends MembershipContract {
    private static final int THREADS = 8;

    protected StoreContract() {
    }

    @Test
    void parallelMemberAddsAreAllKept() throws Exception {
        int perThread = 500;
        List<String> memberIds = createUsers(THREADS * perThread);
        String group = id(groups.create(groupContext(), ResourceCreate.of(fixtures.group("big"))));
        runConcurrently(THREADS, thread -> {
            for (int i = 0; i < perThread; i++) {
                String member = memberIds.get(thread * perThread + i);
                groups.addMembers(groupContext(), group, memberElements(List.of(member)));
            }
            return null;
        });
        List<String> stored = memberIds(groups.get(groupContext(), group).orElseThrow());
        assertThat(stored).hasSize(THREADS * perThread).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(memberIds);
    }

    @Test
    void racingCreatesOfOneUserNameLetExactlyOneWin() throws Exception {
        // S-USR-01 enforced atomically: no check-then-act window.
        int racers = 16;
        List<Boolean> outcomes = runConcurrently(racers, thread -> {
            String userName = thread % 2 == 0 ? "Racer@Example.com" : "racer@example.COM";
            try {
                createUser(thread % 3 == 0 ? userName.toUpperCase(java.util.Locale.ROOT) : userName);
                return true;
            } catch (ScimException conflict) {
                assertThat(conflict.status()).isEqualTo(409);
                assertThat(conflict.scimType()).contains(ScimErrorType.UNIQUENESS);
                return false;
            }
        });
        assertThat(outcomes.stream().filter(Boolean::booleanValue).count()).as("winners").isEqualTo(1);
    }

    @Test
    void concurrentCompareAndSwapUpdatesWithRetriesLoseNothing() throws Exception {
        // DESIGN.md §4: read, change, compare-and-swap, retry on 412; no change is lost.
        int perThread = 20;
        String user = id(createUser("cas"));
        runConcurrently(THREADS, thread -> {
            for (int i = 0; i < perThread; i++) {
                addEmailWithRetries(user, "t" + thread + "-" + i + "@example.com");
            }
            return null;
        });
        ScimResource result = users.get(userContext(), user).orElseThrow();
        ScimValue emails = result.get("emails").orElse(MultiValue.EMPTY);
        assertThat(((MultiValue) emails).values()).hasSize(THREADS * perThread);
    }

    private void addEmailWithRetries(String userId, String email) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            ScimResource current = users.get(userContext(), userId).orElseThrow();
            List<ScimValue> emails = new ArrayList<>();
            if (current.get("emails").orElse(MultiValue.EMPTY) instanceof MultiValue multi) {
                emails.addAll(multi.values());
            }
            emails.add(ComplexValue.builder().put("value", email).build());
            try {
                users.update(userContext(), new ResourceUpdate(userId, version(current),
                        current.with("emails", MultiValue.of(emails)), MemberChanges.NONE));
                return;
            } catch (ScimException conflict) {
                assertThat(conflict.status()).as("only stale versions fail").isEqualTo(412);
            }
        }
        throw new AssertionError("compare-and-swap never succeeded");
    }

    /** A task of one thread, given its index. */
    @FunctionalInterface
    interface ThreadTask<T> {
        T run(int thread) throws Exception;
    }

    /** Starts the tasks together and returns their results; fails on the first exception. */
    static <T> List<T> runConcurrently(int threads, ThreadTask<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int thread = i;
                Callable<T> call = () -> {
                    start.await();
                    return task.run(thread);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    // A generous bound that only stops a deadlocked store from hanging the build.
                    results.add(future.get(5, TimeUnit.MINUTES));
                } catch (ExecutionException failed) {
                    if (failed.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw failed;
                } catch (TimeoutException hung) {
                    throw new AssertionError("a concurrent task did not finish: deadlock?", hung);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
