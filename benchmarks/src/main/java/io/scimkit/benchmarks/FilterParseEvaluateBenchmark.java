package io.scimkit.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.captaingoldfish.scim.sdk.common.resources.User;
import io.scimkit.core.value.ComplexValue;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.directory.scim.spec.resources.ScimUser;
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
 * A whole in-memory filter request (RFC 7644 §3.4.2.2): parse the text, prepare the library's
 * matcher, and test the Entra sample user once. Schema lookups and the user are set up once.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class FilterParseEvaluateBenchmark {
    @Param({"simple", "complex"})
    public String filter;

    private String text;
    private ComplexValue scimkitUser;
    private ObjectNode unboundidUser;
    private ScimUser scimpleUser;
    private List<User> scimsdkUsers;

    @Setup
    public void setUp() {
        text = FilterTexts.forName(filter);
        scimkitUser = ScimkitSupport.user();
        unboundidUser = EntraUser.jackson();
        scimpleUser = ScimpleSupport.user();
        scimsdkUsers = List.of(ScimSdkSupport.user());
        boolean expected = filter.equals("complex");
        Expect.result("scimkit", text, scimkit(), expected);
        Expect.result("unboundid", text, unboundid(), expected);
        Expect.result("scimsdk", text, scimsdk(), expected);
        Expect.report("scimple", text, scimple(), expected);
    }

    @Benchmark
    public boolean scimkit() {
        return ScimkitSupport.compile(ScimkitSupport.parse(text)).matches(scimkitUser);
    }

    @Benchmark
    public boolean unboundid() {
        return UnboundIdSupport.matches(UnboundIdSupport.parse(text), unboundidUser);
    }

    @Benchmark
    public boolean scimple() {
        return ScimpleSupport.compile(ScimpleSupport.parse(text)).test(scimpleUser);
    }

    @Benchmark
    public boolean scimsdk() {
        return ScimSdkSupport.matches(ScimSdkSupport.parse(text), scimsdkUsers);
    }
}
