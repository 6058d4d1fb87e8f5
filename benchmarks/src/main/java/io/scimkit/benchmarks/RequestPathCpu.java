package io.scimkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * {@link RequestPathBenchmark}'s three requests timed by the thread's CPU time rather than the wall
 * clock, for a shared, busy machine where time-slicing with other processes makes JMH's times
 * meaningless: after a warm-up, the three requests are run in alternating batches and the median CPU
 * time per request over the batches is printed. Run two builds one after the other (the same minute)
 * to compare them. Not a JMH benchmark:
 *
 * <pre>taskset -c 1 java -Xmx1g -cp benchmarks/target/benchmarks.jar io.scimkit.benchmarks.RequestPathCpu</pre>
 */
public final class RequestPathCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private RequestPathCpu() {
    }

    /** Arguments: rounds and requests per batch (default 15 and 5,000). */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        RequestPathBenchmark benchmark = new RequestPathBenchmark();
        benchmark.setUp();
        String[] names = {"GET /Users/{id}", "PATCH /Users/{id} Replace", "POST /Users"};
        @SuppressWarnings("unchecked")
        Supplier<Object>[] requests = new Supplier[] {benchmark::getById, benchmark::patchReplace, benchmark::post};
        for (int warm = 0; warm < 4; warm++) {
            for (Supplier<Object> request : requests) {
                cpuPerRequest(request, batch);
            }
        }
        long[][] samples = new long[requests.length][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < requests.length; i++) {
                samples[i][round] = cpuPerRequest(requests[i], batch);
            }
        }
        for (int i = 0; i < requests.length; i++) {
            long[] sorted = samples[i].clone();
            Arrays.sort(sorted);
            System.out.printf("%-28s median %,8d ns CPU per request (min %,d, max %,d; %d batches of %,d)%n",
                    names[i], sorted[rounds / 2], sorted[0], sorted[rounds - 1], rounds, batch);
        }
    }

    private static long cpuPerRequest(Supplier<Object> request, int batch) {
        Object sink = null;
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < batch; i++) {
            sink = request.get();
        }
        long spent = THREADS.getCurrentThreadCpuTime() - start;
        if (sink == null) {
            throw new IllegalStateException("no response");
        }
        return spent / batch;
    }
}
