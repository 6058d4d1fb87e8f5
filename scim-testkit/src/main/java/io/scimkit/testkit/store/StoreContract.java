package io.scimkit.testkit.store;

import static io.scimkit.testkit.store.ContractFixtures.id;
import static io.scimkit.testkit.store.ContractFixtures.memberIds;
import static io.scimkit.testkit.store.ContractFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ScimValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract a {@code UserStore} and {@code GroupStore} must keep, as a JUnit 5 suite: extend it
 * in a test class and return your stores from {@link #createStores}.
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
 * <p>Override points:
 * <ul>
 *   <li>{@link #createStores} (required): the stores for one test. In multi-tenant mode (the
 *       default) every test runs in a fresh random tenant, so the stores may share one database;
 *       the tenant must simply hold nothing yet.
 *   <li>{@link #multiTenant()}: return {@code false} for a store that serves a single tenant. Every
 *       test then uses {@code StoreContext.DEFAULT_TENANT}, the tests across tenants are skipped,
 *       and {@code createStores} must return empty stores each time (a fresh in-memory database,
 *       or your tables truncated).
 *   <li>{@link #supportsUniqueExternalId()}: return {@code false} if your stores cannot be
 *       configured to keep {@code externalId} unique ({@link ContractOptions#uniqueExternalId()}).
 * </ul>
 *
 * <p>What the suite checks, in its parts: {@link LifecycleContract} calls the SPI directly for ids
 * and {@code meta}, every attribute coming back, versions and 412, hard delete, uniqueness (409)
 * and tenants; {@link QueryContract} sends in-process requests to a {@code ScimService} over the
 * stores for filters, index paging, sorting and cursors, so a store is only handed the queries its
 * {@code capabilities()} accept (one that declares sorting or cursors also has its own
 * {@code search} checked directly); {@link MembershipContract} checks member deltas,
 * {@code groupsOf}, {@code membersAmong}, projections, and, through the service, member PATCHes
 * and the removal of a deleted user from its groups; this class checks thread safety. A store
 * with {@code StoreCapabilities.none()}, which only lists everything by index page in a stable
 * order, can pass. Each failure names the rule, the input and what a store must do.
 */
public abstract class StoreContract extends MembershipContract {
    private static final int THREADS = 8;

    protected StoreContract() {
    }

    @Test
    @DisplayName("parallel member adds to one group are all kept")
    void parallelMemberAddsAreAllKept() throws Exception {
        int perThread = 250;
        List<String> memberIds = createUsers(THREADS * perThread);
        String group = id(createGroup("big", List.of()));
        runConcurrently(THREADS, thread -> {
            for (int i = 0; i < perThread; i++) {
                String member = memberIds.get(thread * perThread + i);
                groups.update(groupContext(), ResourceUpdate.members(group, ContractFixtures.adding(member)));
            }
            return null;
        });
        List<String> stored = memberIds(storedGroup(group, "the group stays"));
        assertThat(stored).as("member changes are atomic: " + THREADS + " threads each adding " + perThread
                + " members to one group at once must leave all " + (THREADS * perThread) + " in it, once each "
                + "(insert member rows, or lock the group row; never read, change and write back the whole list)")
                .hasSize(THREADS * perThread).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(memberIds);
    }

    @Test
    @DisplayName("of racing creates of one userName in different cases, exactly one wins")
    void racingCreatesOfOneUserNameLetExactlyOneWin() throws Exception {
        int racers = 16;
        List<Boolean> outcomes = runConcurrently(racers, thread -> {
            String userName = thread % 2 == 0 ? "Racer@Example.com" : "racer@example.COM";
            try {
                createUser(thread % 3 == 0 ? userName.toUpperCase(Locale.ROOT) : userName);
                return true;
            } catch (ScimException conflict) {
                assertThat(conflict.status()).as("a create that loses the race for a userName fails with 409 "
                        + "uniqueness, but got " + conflict).isEqualTo(409);
                assertThat(conflict.scimType()).as("a create that loses the race for a userName fails with 409 "
                        + "uniqueness, but got " + conflict).contains(ScimErrorType.UNIQUENESS);
                return false;
            }
        });
        assertThat(outcomes.stream().filter(Boolean::booleanValue).count()).as("uniqueness is enforced atomically: of "
                + racers + " threads creating 'racer@example.com' in different cases at once exactly one succeeds "
                + "(a unique index on IndexKey.fold(userName) and tenant, not check-then-insert)").isEqualTo(1);
    }

    @Test
    @DisplayName("concurrent compare-and-swap updates with retries lose nothing")
    void concurrentCompareAndSwapUpdatesWithRetriesLoseNothing() throws Exception {
        int perThread = 20;
        String user = id(createUser("cas"));
        runConcurrently(THREADS, thread -> {
            for (int i = 0; i < perThread; i++) {
                addEmailWithRetries(user, "t" + thread + "-" + i + "@example.com");
            }
            return null;
        });
        ScimResource result = storedUser(user, "the user stays");
        ScimValue emails = result.get("emails").orElse(MultiValue.EMPTY);
        assertThat(emails).as("compare-and-swap is atomic: " + THREADS + " threads each adding " + perThread
                + " emails by get(), update(expectedVersion) and retry on 412 must leave all "
                + (THREADS * perThread) + " (compare the version and write in one statement or under one lock, e.g. "
                + "UPDATE ... WHERE id = ? AND revision = ?)").isInstanceOf(MultiValue.class);
        assertThat(((MultiValue) emails).values()).as("compare-and-swap is atomic: " + THREADS + " threads each adding "
                + perThread + " emails by get(), update(expectedVersion) and retry on 412 must leave all "
                + (THREADS * perThread) + " (compare the version and write in one statement or under one lock, e.g. "
                + "UPDATE ... WHERE id = ? AND revision = ?)").hasSize(THREADS * perThread);
    }

    private void addEmailWithRetries(String userId, String email) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            ScimResource current = storedUser(userId, "the user stays");
            List<ScimValue> emails = new ArrayList<>();
            if (current.get("emails").orElse(MultiValue.EMPTY) instanceof MultiValue multi) {
                emails.addAll(multi.values());
            }
            emails.add(ComplexValue.builder().put("value", email).build());
            try {
                users.update(userContext(), ResourceUpdate.replace(userId, version(current),
                        current.without("id").without("meta").with("emails", MultiValue.of(emails))));
                return;
            } catch (ScimException conflict) {
                assertThat(conflict.status()).as("under concurrent writes, an update with the version just read "
                        + "fails only with 412 (stale version), but got " + conflict).isEqualTo(412);
            }
        }
        throw new AssertionError("compare-and-swap never succeeded in 10,000 attempts: an update with the version "
                + "get() just returned must succeed unless another write came in between");
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
