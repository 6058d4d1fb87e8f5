package io.scimkit.benchmarks;

import io.scimkit.core.codec.PatchRequestCodec;
import io.scimkit.core.codec.ResourceCodec;
import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.patch.PatchEngine;
import io.scimkit.core.patch.PatchRequest;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * {@link PatchOperationCountBenchmark}'s engine case for a shared, busy machine: the thread's CPU
 * time (which time-slicing with other processes does not inflate; garbage collection on other
 * threads is not counted) of one PATCH request of N email adds, for each N given, after two
 * warm-up requests; the median of the repetitions. Uses only the public API, so the same source
 * measures an older build. Not a JMH benchmark; run it with a fixed heap, e.g.
 *
 * <pre>java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar io.scimkit.benchmarks.PatchOperationCountCheck 3 1000 8000 15000</pre>
 */
public final class PatchOperationCountCheck {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private PatchOperationCountCheck() {
    }

    /** Arguments: repetitions, then the operation counts. */
    public static void main(String[] args) {
        int repetitions = Integer.parseInt(args[0]);
        SchemaRegistry registry = SchemaRegistry.core();
        ResourceType type = CoreSchemas.USER_RESOURCE_TYPE;
        ClientDialect dialect = ClientDialect.lenient();
        ScimResource user = ResourceCodec.of(registry).read(Population.userJson(0), type);
        PatchEngine engine = PatchEngine.of(registry, type, dialect.patchSettings());
        for (int i = 1; i < args.length; i++) {
            int operations = Integer.parseInt(args[i]);
            PatchRequest request = dialect.normalizePatch(
                    PatchRequestCodec.read(PatchOperationCountBenchmark.request(operations)), type, registry);
            engine.apply(user, request);
            engine.apply(user, request);
            long[] cpu = new long[repetitions];
            long[] wall = new long[repetitions];
            for (int r = 0; r < repetitions; r++) {
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                long wallStart = System.nanoTime();
                engine.apply(user, request);
                cpu[r] = THREADS.getCurrentThreadCpuTime() - cpuStart;
                wall[r] = System.nanoTime() - wallStart;
            }
            System.out.printf("%6d operations: CPU %10.1f ms (median of %d), wall %10.1f ms, CPU per operation %8.2f us%n",
                    operations, median(cpu) / 1e6, repetitions, median(wall) / 1e6, median(cpu) / 1e3 / operations);
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
