package io.scimkit.testkit.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimkit.testkit.target.Target;
import io.scimkit.testkit.target.TargetResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Plays an Entra ID provisioning run at scale against a target and checks the result, in the
 * order Entra sends its requests:
 * <ol>
 * <li>{@code users}: for every user the match query, then {@code POST /Users};</li>
 * <li>{@code groups}: for every group the match query without members, then {@code POST /Groups}
 * without members;</li>
 * <li>{@code members}: {@code PATCH /Groups/{id}} adding {@link LoadPlan#memberBatch()} members per
 * request; batches of one group run concurrently, as Entra's workers may send them (Entra quirk
 * Q19 in {@code docs/entra-quirks.md});</li>
 * <li>{@code incremental}: an update PATCH for some users and a disable PATCH for others, never two
 * PATCHes of one user at once;</li>
 * <li>{@code verify-…}: the end state: every user once with its attributes, every group with
 * exactly its members.</li>
 * </ol>
 * Requests go out from {@link LoadPlan#concurrency()} workers, optionally rate-limited.
 *
 * <pre>{@code
 * LoadReport report = LoadRunner.of(HttpTarget.of(tenantUrl, token)).run(LoadPlan.of(10_000, 100, 100, 16));
 * }</pre>
 */
public final class LoadRunner {
    private static final Set<Integer> OK = Set.of(200);
    private static final Set<Integer> CREATED = Set.of(201);
    private static final Set<Integer> PATCHED = Set.of(200, 204);

    /** The most a request is sent again after a 429. */
    public static final int MAX_THROTTLE_RETRIES = 100;

    private final Target target;
    private final LoadListener listener;
    private final int throttleRetries;

    private LoadRunner(Target target, LoadListener listener, int throttleRetries) {
        this.target = Objects.requireNonNull(target, "target");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.throttleRetries = throttleRetries;
    }

    /** A runner against this target; a 429 is an unexpected answer like any other. */
    public static LoadRunner of(Target target) {
        return new LoadRunner(target, new LoadListener() { }, 0);
    }

    /** A copy that reports progress to this listener. */
    public LoadRunner withListener(LoadListener value) {
        return new LoadRunner(target, value, throttleRetries);
    }

    /**
     * A copy that honours {@code Retry-After}: a request answered with 429 Too Many Requests
     * (RFC 6585 §4) waits the seconds or until the date its {@code Retry-After} names (RFC 9110
     * §10.2.3) and is sent again, up to {@code retries} times, as a client that respects the target's
     * rate limit does. A 429 without a usable {@code Retry-After} (none, or more than a
     * minute away), or without an RFC 7644 §3.12 error body, is a problem of
     * the run and is not sent again. Every 429 is counted in {@link LoadReport#throttled()}; 0 retries
     * (the default) makes a 429 an unexpected answer.
     *
     * @throws IllegalArgumentException if {@code retries} is negative or above {@link #MAX_THROTTLE_RETRIES}
     */
    public LoadRunner withThrottleRetries(int retries) {
        if (retries < 0 || retries > MAX_THROTTLE_RETRIES) {
            throw new IllegalArgumentException("throttle retries are between 0 and " + MAX_THROTTLE_RETRIES
                    + ", not " + retries);
        }
        return new LoadRunner(target, listener, retries);
    }

    /** Runs the plan; never throws for what the server answers. */
    public LoadReport run(LoadPlan plan) {
        Instant started = Instant.now();
        LatencyRecorder latencies = new LatencyRecorder();
        ProblemLog problems = new ProblemLog();
        List<PhaseResult> phases = new ArrayList<>();
        try (WorkPool pool = new WorkPool(target, plan.concurrency(), RateLimiter.perSecond(plan.rate()), latencies,
                problems, throttleRetries)) {
            Run run = new Run(plan, pool, phases);
            long cycleStart = System.nanoTime();
            run.initialCycle();
            run.incrementalCycle();
            Duration cycleElapsed = WorkPool.since(cycleStart);
            long cycleRequests = pool.sent();
            Verification verification = null;
            if (!pool.stopped()) {
                verification = new EndStateVerifier(plan, pool, run.userIds, run.groupIds).verify(run::phase);
            }
            if (pool.stopped()) {
                verification = null;
            }
            return new LoadReport(plan, target.describe(), started, phases, cycleElapsed, cycleRequests,
                    latencies.stats(), problems.count(), problems.kept(), verification, pool.unavailable(),
                    pool.throttled());
        }
    }

    /** The state of one run: the ids the server assigned, by plan index. */
    private final class Run {
        private final LoadPlan plan;
        private final WorkPool pool;
        private final List<PhaseResult> phases;
        private final LoadRequests requests;
        final AtomicReferenceArray<@Nullable String> userIds;
        final AtomicReferenceArray<@Nullable String> groupIds;

        Run(LoadPlan plan, WorkPool pool, List<PhaseResult> phases) {
            this.plan = plan;
            this.pool = pool;
            this.phases = phases;
            this.requests = new LoadRequests(plan);
            this.userIds = new AtomicReferenceArray<>(plan.users());
            this.groupIds = new AtomicReferenceArray<>(plan.groups());
        }

        void phase(String name, int tasks, IntConsumer task) {
            if (pool.stopped() || tasks == 0) {
                return;
            }
            listener.phaseStarted(name, tasks);
            long before = pool.sent();
            long start = System.nanoTime();
            pool.runPhase(tasks, task, listener);
            Duration elapsed = WorkPool.since(start);
            long sent = pool.sent() - before;
            phases.add(new PhaseResult(name, tasks, sent, elapsed));
            listener.phaseFinished(name, elapsed, sent);
        }

        void initialCycle() {
            phase("users", plan.users(), this::provisionUser);
            phase("groups", plan.groups(), this::provisionGroup);
            int batchesPerGroup = (plan.membersPerGroup() + plan.memberBatch() - 1) / plan.memberBatch();
            phase("members", Math.toIntExact(plan.memberPatches()), k -> addMembers(k / batchesPerGroup,
                    k % batchesPerGroup));
        }

        void incrementalCycle() {
            List<Integer> changed = new ArrayList<>();
            for (int i = 0; i < plan.users(); i++) {
                if (plan.updated(i) || plan.disabled(i)) {
                    changed.add(i);
                }
            }
            phase("incremental", changed.size(), k -> changeUser(changed.get(k)));
        }

        private void provisionUser(int i) {
            if (!noMatch(RequestKind.USER_LOOKUP, pool.send(RequestKind.USER_LOOKUP, requests.userLookup(i), OK),
                    plan.userName(i))) {
                return;
            }
            TargetResponse created = pool.send(RequestKind.USER_CREATE, requests.userCreate(i), CREATED);
            if (created != null) {
                userIds.set(i, idOf(RequestKind.USER_CREATE, created, plan.userName(i)));
            }
        }

        private void provisionGroup(int g) {
            if (!noMatch(RequestKind.GROUP_LOOKUP, pool.send(RequestKind.GROUP_LOOKUP, requests.groupLookup(g), OK),
                    plan.groupName(g))) {
                return;
            }
            TargetResponse created = pool.send(RequestKind.GROUP_CREATE, requests.groupCreate(g), CREATED);
            if (created != null) {
                groupIds.set(g, idOf(RequestKind.GROUP_CREATE, created, plan.groupName(g)));
            }
        }

        /** The match query must find nothing: every name is new in this run. */
        private boolean noMatch(RequestKind kind, @Nullable TargetResponse response, String name) {
            if (response == null) {
                return false;
            }
            JsonNode list = ResponseBodies.json(response);
            long total = list == null ? -1 : ResponseBodies.totalResults(list);
            if (total != 0) {
                pool.problem(kind.label() + ": the match query for the new name " + name + " should find nothing, "
                        + (total < 0 ? "but the answer is no ListResponse" : "but totalResults is " + total)
                        + WorkPool.excerpt(response));
                return false;
            }
            return true;
        }

        private @Nullable String idOf(RequestKind kind, TargetResponse response, String name) {
            JsonNode body = ResponseBodies.json(response);
            String id = body == null ? null : ResponseBodies.text(body, "id");
            if (id == null || id.isBlank()) {
                pool.problem(kind.label() + ": the 201 for " + name + " has no id (RFC 7644 §3.3)");
                return null;
            }
            return id;
        }

        private void addMembers(int g, int batch) {
            String groupId = groupIds.get(g);
            if (groupId == null) {
                return;
            }
            int[] members = plan.members(g);
            int from = batch * plan.memberBatch();
            int to = Math.min(members.length, from + plan.memberBatch());
            List<String> ids = new ArrayList<>(to - from);
            for (int k = from; k < to; k++) {
                String userId = userIds.get(members[k]);
                if (userId != null) {
                    ids.add(userId);
                }
            }
            if (!ids.isEmpty()) {
                pool.send(RequestKind.MEMBER_ADD, requests.memberAdd(groupId, ids), PATCHED);
            }
        }

        private void changeUser(int i) {
            String userId = userIds.get(i);
            if (userId == null) {
                return;
            }
            if (plan.updated(i)) {
                pool.send(RequestKind.USER_UPDATE, requests.userUpdate(userId, i), PATCHED);
            }
            if (plan.disabled(i)) {
                pool.send(RequestKind.USER_DISABLE, requests.userDisable(userId), PATCHED);
            }
        }
    }
}
