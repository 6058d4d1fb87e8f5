package io.scimkit.benchmarks;

import io.scimkit.core.ScimService;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import io.scimkit.core.store.memory.InMemoryStores;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Entra's match-before-create query, {@code GET /Users?filter=userName eq "…"} (sample 03,
 * RFC 7644 §3.4.2), through {@link ScimService#handle} over the in-memory stores holding 10,000
 * or 1,000,000 users. Each operation looks up another existing user (1,024 random ones, fixed
 * seed, cycled), so the answer is a list response with one full user: query-string decoding,
 * filter parsing, the index lookup, projection and JSON rendering are all measured.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms10g", "-Xmx10g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class UserLookupBenchmark {
    private static final int REQUESTS = 1024;

    @Param({"10000", "1000000"})
    public int users;

    private ScimService service;
    private ScimRequest[] requests;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        InMemoryStores stores = InMemoryStores.create(Population.REGISTRY);
        long start = System.nanoTime();
        Population.addUsers(stores, 0, users);
        System.out.printf("populated %,d users in %.1f s%n", users, (System.nanoTime() - start) / 1e9);
        service = ServiceFixture.service(stores);
        Random random = new Random(20250106L);
        requests = new ScimRequest[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            int user = random.nextInt(users);
            requests[i] = ServiceFixture.userNameLookup(Population.userName(user));
            ScimResponse response = ServiceFixture.expect(service.handle(requests[i]), 200, "the lookup");
            if (!response.bodyText().contains("\"totalResults\":1,") || !response.bodyText().contains(
                    Population.userName(user))) {
                throw new IllegalStateException("the lookup of user " + user + " answered " + response.bodyText());
            }
        }
    }

    @Benchmark
    public ScimResponse lookupByUserName() {
        ScimRequest request = requests[next];
        next = (next + 1) & (REQUESTS - 1);
        return service.handle(request);
    }
}
