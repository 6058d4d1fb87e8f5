package io.scimkit.benchmarks;

import io.scimkit.core.ScimService;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import io.scimkit.core.store.memory.InMemoryStores;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Random;

/**
 * The store-scaling checks of {@link UserLookupBenchmark} and {@link GroupMemberPatchBenchmark}
 * for a shared, busy machine: the small and the large case live in the same JVM and are measured
 * in alternating batches, each batch timed both by the wall clock and by the thread's CPU time
 * (which time-slicing with other processes does not inflate), and the medians over the batches
 * are compared. Not a JMH benchmark; run it with a fixed heap, e.g.
 *
 * <pre>java -Xms10g -Xmx10g -cp benchmarks/target/benchmarks.jar io.scimkit.benchmarks.ScalingCheck</pre>
 */
public final class ScalingCheck {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int ROUNDS = 15;
    private static final int LOOKUPS = 4_000;
    private static final int PATCH_PAIRS = 1_000;
    private static final String PATCH_OP = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],";

    private ScalingCheck() {
    }

    /** Arguments: small and large user counts, small and large group sizes (default 10,000 1,000,000 10 100,000). */
    public static void main(String[] args) {
        int[] sizes = args.length == 4 ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
                : new int[] {10_000, 1_000_000, 10, 100_000};
        Case[] lookups = {lookupCase(sizes[0]), lookupCase(sizes[1])};
        Case[] patches = {groupCase(sizes[2]), groupCase(sizes[3])};
        report("GET /Users?filter=userName eq (per request)", lookups, sizes[0], sizes[1], LOOKUPS);
        report("PATCH /Groups add+remove member (per pair)", patches, sizes[2], sizes[3], PATCH_PAIRS);
    }

    private interface Case {
        void run(int count);
    }

    private static Case lookupCase(int users) {
        InMemoryStores stores = InMemoryStores.create(Population.REGISTRY);
        long start = System.nanoTime();
        Population.addUsers(stores, 0, users);
        System.out.printf("populated %,d users in %.1f s%n", users, (System.nanoTime() - start) / 1e9);
        ScimService service = ServiceFixture.service(stores);
        Random random = new Random(20250106L);
        ScimRequest[] requests = new ScimRequest[1024];
        for (int i = 0; i < requests.length; i++) {
            requests[i] = ServiceFixture.userNameLookup(Population.userName(random.nextInt(users)));
            ServiceFixture.expect(service.handle(requests[i]), 200, "the lookup");
        }
        int[] next = {0};
        return count -> {
            for (int i = 0; i < count; i++) {
                ScimResponse response = service.handle(requests[next[0]]);
                next[0] = (next[0] + 1) & 1023;
                if (response.status() != 200) {
                    throw new IllegalStateException("lookup answered " + response.status());
                }
            }
        };
    }

    private static Case groupCase(int members) {
        InMemoryStores stores = InMemoryStores.create(Population.REGISTRY);
        String group = Population.addGroup(stores, "Sales", members);
        ScimService service = ServiceFixture.service(stores);
        ScimRequest[] adds = new ScimRequest[1024];
        ScimRequest[] removes = new ScimRequest[1024];
        for (int i = 0; i < adds.length; i++) {
            String member = "{\"value\":\"new-" + i + "\"}";
            adds[i] = ServiceFixture.patchGroup(group, PATCH_OP
                    + "\"Operations\":[{\"op\":\"Add\",\"path\":\"members\",\"value\":[" + member + "]}]}");
            removes[i] = ServiceFixture.patchGroup(group, PATCH_OP
                    + "\"Operations\":[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[" + member + "]}]}");
        }
        int[] next = {0};
        return count -> {
            for (int i = 0; i < count; i++) {
                int at = next[0];
                next[0] = (at + 1) & 1023;
                int added = service.handle(adds[at]).status();
                int removed = service.handle(removes[at]).status();
                if (added != 204 || removed != 204) {
                    throw new IllegalStateException("member PATCH answered " + added + "/" + removed);
                }
            }
        };
    }

    private static void report(String what, Case[] cases, int small, int large, int batch) {
        for (int warm = 0; warm < 5; warm++) {
            cases[0].run(batch);
            cases[1].run(batch);
        }
        double[][] wall = new double[2][ROUNDS];
        double[][] cpu = new double[2][ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            for (int c = 0; c < 2; c++) {
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                long wallStart = System.nanoTime();
                cases[c].run(batch);
                wall[c][round] = (System.nanoTime() - wallStart) / (double) batch;
                cpu[c][round] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / (double) batch;
            }
        }
        System.out.println(what);
        System.out.printf("  %,10d: cpu median %,9.0f ns (min %,9.0f)  wall median %,9.0f ns (min %,9.0f)%n",
                small, median(cpu[0]), min(cpu[0]), median(wall[0]), min(wall[0]));
        System.out.printf("  %,10d: cpu median %,9.0f ns (min %,9.0f)  wall median %,9.0f ns (min %,9.0f)%n",
                large, median(cpu[1]), min(cpu[1]), median(wall[1]), min(wall[1]));
        System.out.printf("  large/small: cpu median %.2fx, cpu min %.2fx, wall median %.2fx, wall min %.2fx%n",
                median(cpu[1]) / median(cpu[0]), min(cpu[1]) / min(cpu[0]),
                median(wall[1]) / median(wall[0]), min(wall[1]) / min(wall[0]));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }
}
