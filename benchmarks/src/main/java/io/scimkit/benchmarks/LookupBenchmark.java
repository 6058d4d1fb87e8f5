package io.scimkit.benchmarks;

import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.ScimService;
import io.scimkit.core.codec.ResourceCodec;
import io.scimkit.core.protocol.HttpHeaders;
import io.scimkit.core.protocol.ScimPrincipal;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import io.scimkit.core.resource.Projection;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.memory.InMemoryStores;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The core's share of Entra's user lookup (RFC 7644 §3.4.2; Entra sends
 * {@code GET /Users?filter=userName eq "..."} before every create): {@link ScimService#handle} with
 * 100,000 users in the memory store, as the example server's HTTP benchmark calls it (BENCHMARKS.md,
 * "Example server"), against a baseline that copies a fixed 1 KB body, which is what the HTTP
 * benchmark's trivial endpoint does per request.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgs = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class LookupBenchmark {
    static final int USERS = 100_000;
    private static final URI BASE = URI.create("http://127.0.0.1:18082/scim/v2");
    private static final ScimPrincipal PRINCIPAL = new ScimPrincipal(StoreContext.DEFAULT_TENANT, "benchmark");

    private final SplittableRandom random = new SplittableRandom(42);
    private final byte[] fixed = new byte[1024];
    private ScimService service;
    private HttpHeaders headers;
    private String[] ids;

    @Setup
    public void setUp() {
        SchemaRegistry registry = SchemaRegistry.core();
        InMemoryStores stores = InMemoryStores.create(registry);
        ResourceCodec codec = ResourceCodec.of(registry);
        StoreContext context = new StoreContext(StoreContext.DEFAULT_TENANT, "benchmark",
                CoreSchemas.USER_RESOURCE_TYPE,
                Projection.none(registry, CoreSchemas.USER_RESOURCE_TYPE), Instant.now());
        ids = new String[USERS];
        for (int i = 0; i < USERS; i++) {
            String json = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"user" + i
                    + "@example.com\",\"externalId\":\"ext-" + i + "\",\"active\":true,\"displayName\":\"User " + i
                    + "\",\"emails\":[{\"type\":\"work\",\"primary\":true,\"value\":\"user" + i + "@example.com\"}]}";
            ids[i] = stores.users().create(context,
                    ResourceCreate.of(codec.read(json.getBytes(StandardCharsets.UTF_8), CoreSchemas.USER_RESOURCE_TYPE))).id().orElseThrow();
        }
        service = ScimService.builder().baseUri(BASE).schemas(registry)
                .userStore(stores.users()).groupStore(stores.groups()).build();
        // The headers wrk sends, as the JAX-RS adapter hands them over.
        headers = HttpHeaders.of("Host", "127.0.0.1:18082", "Authorization", "Bearer benchmark-token-0123456789abcdef");
        ScimResponse probe = lookup();
        if (probe.status() != 200 || !probe.bodyText().contains("\"totalResults\":1")) {
            throw new IllegalStateException("the lookup does not find its user: " + probe.bodyText());
        }
    }

    /** What the trivial endpoint does per request: hand over a fixed 1 KB body. */
    @Benchmark
    public byte[] baseline_fixedBody() {
        return Arrays.copyOf(fixed, fixed.length);
    }

    /** Entra's lookup by userName, encoded as Entra sends it, for a random one of the users. */
    @Benchmark
    public ScimResponse lookup() {
        int n = random.nextInt(USERS);
        return service.handle(new ScimRequest("GET", "/Users",
                "filter=userName+eq+%22user" + n + "%40example.com%22", headers, new byte[0], PRINCIPAL, BASE));
    }

    /** The same user read by id ({@code GET /Users/{id}}, RFC 7644 §3.4.1), for comparison. */
    @Benchmark
    public ScimResponse getById() {
        String id = ids[random.nextInt(USERS)];
        return service.handle(new ScimRequest("GET", "/Users/" + id, "", headers, new byte[0], PRINCIPAL, BASE));
    }
}
