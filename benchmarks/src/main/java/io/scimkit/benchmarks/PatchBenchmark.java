package io.scimkit.benchmarks;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.scimkit.core.codec.PatchRequestCodec;
import io.scimkit.core.codec.ResourceCodec;
import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.patch.PatchEngine;
import io.scimkit.core.patch.PatchRequest;
import io.scimkit.core.patch.PatchResult;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Applying one PATCH request (RFC 7644 §3.5.2) to one stored resource, in memory, scimkit against
 * UnboundID's {@code PatchRequest.apply(GenericScimResource)}; see {@link PatchWorkload} for the
 * two requests and the two values in which UnboundID's request differs.
 *
 * <p>scimkit's resources are immutable, so the stored resource is reused by every operation.
 * UnboundID's {@code apply} changes the resource in place (and leaves it half-changed when an
 * operation fails), so a server must patch a copy; its benchmarks copy the stored tree first,
 * and {@link #baseline_deepCopy} measures that copy alone.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class PatchBenchmark {
    @Param({"entraUser", "groupMemberAdd"})
    public String workload;

    private final SchemaRegistry registry = SchemaRegistry.core();
    private final ClientDialect dialect = ClientDialect.lenient();
    private final ObjectReader unboundidPatchReader =
            JsonUtils.getObjectReader().forType(com.unboundid.scim2.common.messages.PatchRequest.class);

    private ResourceType type;
    private byte[] scimkitBody;
    private ScimResource scimkitResource;
    private PatchEngine scimkitEngine;
    private PatchRequest scimkitPrepared;
    private byte[] unboundidBody;
    private ObjectNode unboundidResource;
    private com.unboundid.scim2.common.messages.PatchRequest unboundidPrepared;

    @Setup
    public void setUp() throws IOException, ScimException {
        PatchWorkload work = PatchWorkload.forName(workload);
        type = work.type();
        scimkitBody = work.scimkitRequest();
        scimkitResource = ResourceCodec.of(registry).read(work.resourceJson().getBytes(StandardCharsets.UTF_8), type);
        scimkitEngine = PatchEngine.of(registry, type, dialect.patchSettings());
        scimkitPrepared = dialect.normalizePatch(PatchRequestCodec.read(scimkitBody), type, registry);
        unboundidBody = work.unboundidRequest();
        unboundidResource = (ObjectNode) JsonUtils.getObjectReader().readTree(work.resourceJson());
        unboundidPrepared = unboundidPatchReader.readValue(unboundidBody);
        PatchEndState.requireSame(workload, registry, scimkit(), unboundid(), unboundidResource);
        PatchEndState.requireSame(workload, registry, scimkit_engineOnly(), unboundid_applyOnly(), unboundidResource);
    }

    /** Reference point: a deep copy of the stored resource's JSON tree, which UnboundID needs per request. */
    @Benchmark
    public ObjectNode baseline_deepCopy() {
        return unboundidResource.deepCopy();
    }

    /**
     * What a server runs per request: read the body, normalise the dialect, apply with the engine
     * the server keeps per resource type and dialect settings (as {@code PatchHandler} does).
     */
    @Benchmark
    public PatchResult scimkit() {
        PatchRequest request = dialect.normalizePatch(PatchRequestCodec.read(scimkitBody), type, registry);
        return scimkitEngine.apply(scimkitResource, request);
    }

    /** As {@link #scimkit()} with a new engine per request (the definition of runs 1-3). */
    @Benchmark
    public PatchResult scimkit_enginePerRequest() {
        PatchRequest request = dialect.normalizePatch(PatchRequestCodec.read(scimkitBody), type, registry);
        return PatchEngine.of(registry, type, dialect.patchSettings()).apply(scimkitResource, request);
    }

    /** The engine alone, on a request read and normalised in set-up. */
    @Benchmark
    public PatchResult scimkit_engineOnly() {
        return scimkitEngine.apply(scimkitResource, scimkitPrepared);
    }

    /** UnboundID's whole in-memory path: read the body with its mapper, copy the resource, apply. */
    @Benchmark
    public GenericScimResource unboundid() {
        try {
            com.unboundid.scim2.common.messages.PatchRequest request = unboundidPatchReader.readValue(unboundidBody);
            GenericScimResource resource = new GenericScimResource(unboundidResource.deepCopy());
            request.apply(resource);
            return resource;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ScimException e) {
            throw new IllegalStateException(e);
        }
    }

    /** UnboundID's apply on a request read in set-up (the copy of the resource included). */
    @Benchmark
    public GenericScimResource unboundid_applyOnly() {
        try {
            GenericScimResource resource = new GenericScimResource(unboundidResource.deepCopy());
            unboundidPrepared.apply(resource);
            return resource;
        } catch (ScimException e) {
            throw new IllegalStateException(e);
        }
    }
}
