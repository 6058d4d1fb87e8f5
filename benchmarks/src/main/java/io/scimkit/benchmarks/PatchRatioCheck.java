package io.scimkit.benchmarks;

import com.unboundid.scim2.common.exceptions.ScimException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * {@link PatchBenchmark}'s two whole-request cases ({@code scimkit} and {@code unboundid}, the same
 * work per operation) for a shared, busy machine: batches of each run alternately in one thread,
 * each batch timed by the thread's CPU time (which time-slicing with other processes does not
 * inflate) and its allocation counted by the thread's allocated bytes; the median batch gives CPU
 * time and bytes per request, and UnboundID's time divided by scimkit's, which is what to read
 * when the machine is busy. To compare two builds, run each alternately several times (the class
 * uses only public API, so it can be compiled against an older {@code benchmarks.jar}). Not a
 * JMH benchmark; run with a fixed heap, e.g.
 *
 * <pre>java -Xbatch -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar io.scimkit.benchmarks.PatchRatioCheck 30 3000 both</pre>
 *
 * ({@code -Xbatch}: on a busy machine the background JIT threads starve, and the warm-up would end
 * with code still interpreted.)
 *
 * (arguments: rounds, requests per batch, {@code entraUser}, {@code groupMemberAdd} or {@code both}).
 */
public final class PatchRatioCheck {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private PatchRatioCheck() {
    }

    /** Arguments: rounds, requests per batch, a workload name or {@code both}. */
    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int batch = Integer.parseInt(args[1]);
        String which = args.length > 2 ? args[2] : "both";
        String[] workloads = which.equals("both") ? new String[] {"entraUser", "groupMemberAdd"} : new String[] {which};
        for (String workload : workloads) {
            measure(workload, rounds, batch, cases(workload));
        }
    }

    /**
     * The two cases of the workload, exactly {@link PatchBenchmark#scimkit} and
     * {@link PatchBenchmark#unboundid} after its set-up (which checks that both end in the same state).
     */
    static Supplier<?>[] cases(String workload) throws IOException, ScimException {
        PatchBenchmark benchmark = new PatchBenchmark();
        benchmark.workload = workload;
        benchmark.setUp();
        return new Supplier<?>[] {benchmark::scimkit, benchmark::unboundid};
    }

    private static void measure(String workload, int rounds, int batch, Supplier<?>[] cases) {
        long[][] cpu = new long[2][rounds];
        long[][] bytes = new long[2][rounds];
        long[] sample = new long[2];
        // Warm-up: a fifth of the rounds, not recorded. Each round runs both, starting with the
        // other one each round, so that neither always follows the other's garbage.
        for (int r = -rounds / 5; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                int v = (r + k) & 1;
                run(cases[v], batch, sample);
                if (r >= 0) {
                    cpu[v][r] = sample[0];
                    bytes[v][r] = sample[1];
                }
            }
        }
        double ours = median(cpu[0]) / batch;
        double theirs = median(cpu[1]) / batch;
        System.out.printf("%-15s scimkit %7.0f ns CPU/op (q1 %6.0f, q3 %6.0f) %6.0f B/op | UnboundID %7.0f ns CPU/op"
                        + " (q1 %6.0f, q3 %6.0f) %6.0f B/op | UnboundID/scimkit %.2fx (%d rounds x %d)%n",
                workload, ours, quartile(cpu[0], 1) / batch, quartile(cpu[0], 3) / batch, median(bytes[0]) / batch,
                theirs, quartile(cpu[1], 1) / batch, quartile(cpu[1], 3) / batch, median(bytes[1]) / batch,
                theirs / ours, rounds, batch);
    }

    private static void run(Supplier<?> operation, int batch, long[] sample) {
        long thread = Thread.currentThread().getId();
        long bytes = THREADS.getThreadAllocatedBytes(thread);
        long cpu = THREADS.getCurrentThreadCpuTime();
        Object sink = null;
        for (int i = 0; i < batch; i++) {
            sink = operation.get();
        }
        sample[0] = THREADS.getCurrentThreadCpuTime() - cpu;
        sample[1] = THREADS.getThreadAllocatedBytes(thread) - bytes;
        if (sink == null) {
            throw new IllegalStateException("no result");
        }
    }

    private static double median(long[] values) {
        return quartile(values, 2);
    }

    private static double quartile(long[] values, int quarter) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * quarter / 4)];
    }
}
