package io.scimkit.benchmarks;

import io.scimkit.core.ScimService;
import io.scimkit.core.protocol.HttpHeaders;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.memory.InMemoryStores;
import java.nio.charset.StandardCharsets;
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
 * The core's constant cost of the three single-resource requests the example server's HTTP
 * benchmark drives: {@code GET /Users/{id}} (RFC 7644 §3.4.1), {@code PATCH /Users/{id}} replacing
 * {@code displayName} as Entra sends it ({@code "op":"Replace"}, RFC 7644 §3.5.2.3) and
 * {@code POST /Users} with Entra's create body (RFC 7644 §3.3), each through
 * {@link ScimService#handle} over the in-memory stores holding 10,000 users, with the headers an
 * adapter hands over.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgs = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class RequestPathBenchmark {
    static final int USERS = 10_000;
    private static final HttpHeaders READ = HttpHeaders.of("Host", "127.0.0.1:18082",
            "Authorization", "Bearer benchmark-token-0123456789abcdef");
    private static final HttpHeaders WRITE = HttpHeaders.of("Host", "127.0.0.1:18082",
            "Authorization", "Bearer benchmark-token-0123456789abcdef",
            "Content-Type", "application/scim+json");

    private final SplittableRandom random = new SplittableRandom(42);
    private ScimService service;
    private String[] ids;
    private String createBody;
    private long created;

    @Setup
    public void setUp() {
        service = ServiceFixture.service(InMemoryStores.create(SchemaRegistry.core()));
        createBody = EntraUser.json();
        ids = new String[USERS];
        for (int i = 0; i < USERS; i++) {
            ScimResponse response = ServiceFixture.expect(service.handle(create("user" + i + "@example.com")), 201,
                    "create");
            ids[i] = response.headers().get("Location").replaceFirst(".*/", "");
        }
        ServiceFixture.expect(getById(), 200, "GET by id");
        ScimResponse patched = patchReplace();
        ServiceFixture.expect(patched, patched.status() == 204 ? 204 : 200, "PATCH Replace");
    }

    /** {@code GET /Users/{id}} of a random user. */
    @Benchmark
    public ScimResponse getById() {
        return service.handle(new ScimRequest("GET", "/Users/" + ids[random.nextInt(USERS)], "", READ, new byte[0],
                ServiceFixture.ENTRA, null));
    }

    /** Entra's {@code PATCH} of one user's {@code displayName} ({@code "op":"Replace"}). */
    @Benchmark
    public ScimResponse patchReplace() {
        String body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":"
                + "\"Replace\",\"path\":\"displayName\",\"value\":\"Name " + random.nextInt() + "\"}]}";
        return service.handle(new ScimRequest("PATCH", "/Users/" + ids[random.nextInt(USERS)], "", WRITE,
                body.getBytes(StandardCharsets.UTF_8), ServiceFixture.ENTRA, null));
    }

    /** {@code POST /Users} with Entra's create body under a new userName each time. */
    @Benchmark
    public ScimResponse post() {
        return service.handle(create("new" + created++ + "@example.com"));
    }

    private ScimRequest create(String userName) {
        String body = createBody.replace("alice@contoso.example", userName).replace("\"alice\"", "\"" + userName + "\"");
        return new ScimRequest("POST", "/Users", "", WRITE, body.getBytes(StandardCharsets.UTF_8),
                ServiceFixture.ENTRA, null);
    }
}
