package io.scimkit.benchmarks;

import io.scimkit.core.store.memory.InMemoryStores;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.List;

/**
 * Heap held per typical Entra user in the in-memory user store (RFC 7643 §4.1 user with the
 * enterprise extension and a manager; see {@link Population#userJson}). Not a JMH benchmark: it
 * measures used heap after full collections before populating and at checkpoints while
 * populating, and divides the growth by the number of users. Run it with a fixed heap, e.g.
 *
 * <pre>java -Xms10g -Xmx10g -cp benchmarks/target/benchmarks.jar io.scimkit.benchmarks.HeapFootprint 1000000</pre>
 */
public final class HeapFootprint {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private HeapFootprint() {
    }

    /** Arguments: the final user count (default 1,000,000). */
    public static void main(String[] args) {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        System.out.printf("max heap %,d MB; JSON of one user (compact) %,d bytes%n",
                Runtime.getRuntime().maxMemory() >> 20, Population.userJson(123_456).length);
        InMemoryStores stores = InMemoryStores.create(Population.REGISTRY);
        // Warm the code paths and the registry's caches with a throw-away store, then measure.
        Population.addUsers(InMemoryStores.create(Population.REGISTRY), 0, 20_000);
        long before = usedAfterFullGc();
        System.out.printf("used heap before populating: %,d bytes%n", before);
        int created = 0;
        long start = System.nanoTime();
        for (int checkpoint : List.of(10_000, 100_000, total)) {
            if (checkpoint > total || checkpoint <= created) {
                continue;
            }
            Population.addUsers(stores, created, checkpoint);
            created = checkpoint;
            double seconds = (System.nanoTime() - start) / 1e9;
            long used = usedAfterFullGc();
            System.out.printf("%,10d users (%.1f s): used %,d bytes, growth %,d bytes = %,.0f bytes/user%n",
                    created, seconds, used, used - before, (double) (used - before) / created);
        }
        Reference.reachabilityFence(stores);
    }

    /** Used heap once full collections stop freeing memory (at most ten rounds). */
    private static long usedAfterFullGc() {
        long used = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            System.gc();
            long now = MEMORY.getHeapMemoryUsage().getUsed();
            if (now >= used - 1024 * 1024 && round >= 2) {
                return Math.min(now, used);
            }
            used = Math.min(now, used);
        }
        return used;
    }
}
