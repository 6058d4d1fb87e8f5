package io.scimkit.benchmarks;

import io.scimkit.core.codec.PatchRequestCodec;
import io.scimkit.core.codec.ResourceCodec;
import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.patch.PatchEngine;
import io.scimkit.core.patch.PatchRequest;
import io.scimkit.core.patch.PatchResult;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.MultiValue;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One PATCH request (RFC 7644 §3.5.2) with many operations: {@code operations} separate
 * {@code add}s of one new email each ({@code {"op":"add","path":"emails","value":[{...}]}}) to a
 * user that has one email. The cost per request should grow linearly with the number of
 * operations; the resource is immutable, so every invocation does the same work.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
public class PatchOperationCountBenchmark {
    @Param({"1000", "8000", "15000"})
    public int operations;

    private final SchemaRegistry registry = SchemaRegistry.core();
    private final ResourceType type = CoreSchemas.USER_RESOURCE_TYPE;
    private final ClientDialect dialect = ClientDialect.lenient();
    private PatchEngine engine;
    private ScimResource user;
    private byte[] body;
    private PatchRequest prepared;

    @Setup
    public void setUp() {
        user = ResourceCodec.of(registry).read(Population.userJson(0), type);
        engine = PatchEngine.of(registry, type, dialect.patchSettings());
        body = request(operations);
        prepared = dialect.normalizePatch(PatchRequestCodec.read(body), type, registry);
        PatchResult result = engine.apply(user, prepared);
        if (!(result.resource().body().getOrNull("emails") instanceof MultiValue emails)
                || emails.size() != operations + 1) {
            throw new IllegalStateException("the request did not add " + operations + " emails");
        }
    }

    /** The PatchOp body: one add of a distinct work email per operation. */
    static byte[] request(int operations) {
        StringBuilder json = new StringBuilder(operations * 100)
                .append("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[");
        for (int i = 0; i < operations; i++) {
            json.append(i == 0 ? "" : ",").append("{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"mail")
                    .append(i).append("@contoso.example\",\"type\":\"other\"}]}");
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The engine alone, on a request read and normalised in set-up. */
    @Benchmark
    public PatchResult engineOnly() {
        return engine.apply(user, prepared);
    }

    /** Read the body, normalise it for the lenient dialect, apply it: the in-memory part of a PATCH. */
    @Benchmark
    public PatchResult readNormalizeApply() {
        return engine.apply(user, dialect.normalizePatch(PatchRequestCodec.read(body), type, registry));
    }
}
