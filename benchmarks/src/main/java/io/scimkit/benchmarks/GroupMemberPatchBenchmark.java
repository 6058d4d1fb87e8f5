package io.scimkit.benchmarks;

import io.scimkit.core.ScimService;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import io.scimkit.core.store.memory.InMemoryStores;
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
 * Entra's member PATCHes on a group of 10 or of 100,000 members through {@link ScimService#handle}
 * (samples 17a and 18b, RFC 7644 §3.5.2): one operation is an add of a new member
 * ({@code "Add"}, {@code members}, {@code [{"value": id}]}) followed by its removal in Entra's
 * default-dialect shape ({@code "Remove"} with the member in {@code value}, quirk Q4), so the
 * group keeps its size. Both answer 204. The new ids cycle through 1,024 ids that are never
 * members between operations.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class GroupMemberPatchBenchmark {
    private static final int IDS = 1024;
    private static final String PATCH_OP = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],";

    @Param({"10", "100000"})
    public int members;

    private ScimService service;
    private ScimRequest[] adds;
    private ScimRequest[] removes;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        InMemoryStores stores = InMemoryStores.create(Population.REGISTRY);
        String group = Population.addGroup(stores, "Sales", members);
        service = ServiceFixture.service(stores);
        adds = new ScimRequest[IDS];
        removes = new ScimRequest[IDS];
        for (int i = 0; i < IDS; i++) {
            String member = "new-" + i;
            adds[i] = ServiceFixture.patchGroup(group, PATCH_OP
                    + "\"Operations\":[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + member + "\"}]}]}");
            removes[i] = ServiceFixture.patchGroup(group, PATCH_OP
                    + "\"Operations\":[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + member
                    + "\"}]}]}");
        }
        ServiceFixture.expect(service.handle(adds[0]), 204, "the member add");
        String after = ServiceFixture.expect(service.handle(ScimRequest.of("GET", "/Groups/" + group,
                ServiceFixture.ENTRA)), 200, "the group read").bodyText();
        if (!after.contains("\"new-0\"") || count(after, "\"value\":") != members + 1) {
            throw new IllegalStateException("the add did not add exactly one member");
        }
        ServiceFixture.expect(service.handle(removes[0]), 204, "the member removal");
        String restored = ServiceFixture.expect(service.handle(ScimRequest.of("GET", "/Groups/" + group,
                ServiceFixture.ENTRA)), 200, "the group read").bodyText();
        if (restored.contains("\"new-0\"") || count(restored, "\"value\":") != members) {
            throw new IllegalStateException("the removal did not remove exactly the added member");
        }
    }

    /** One add PATCH and one remove PATCH; each answers 204. */
    @Benchmark
    public int addThenRemoveMember() {
        int i = next;
        next = (next + 1) & (IDS - 1);
        ScimResponse added = service.handle(adds[i]);
        ScimResponse removed = service.handle(removes[i]);
        if (added.status() != 204 || removed.status() != 204) {
            throw new IllegalStateException("a member PATCH answered " + added.status() + "/" + removed.status());
        }
        return added.status() + removed.status();
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }
}
