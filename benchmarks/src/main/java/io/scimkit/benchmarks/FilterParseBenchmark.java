package io.scimkit.benchmarks;

import io.scimkit.core.filter.Filter;
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
 * Parsing a {@code filter} query parameter (RFC 7644 §3.4.2.2) into each library's filter tree,
 * from the same text, in the same JVM.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class FilterParseBenchmark {
    @Param({"simple", "complex"})
    public String filter;

    private String text;

    @Setup
    public void setUp() {
        text = FilterTexts.forName(filter);
        // Fail fast if any library rejects the text; a benchmark of an error path would mislead.
        ScimkitSupport.parse(text);
        UnboundIdSupport.parse(text);
        ScimpleSupport.parse(text);
        ScimSdkSupport.parse(text);
    }

    /** Lower bound: read every character of the filter once. */
    @Benchmark
    public int baseline_readChars() {
        String s = text;
        int h = 0;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }

    @Benchmark
    public Filter scimkit() {
        return ScimkitSupport.parse(text);
    }

    @Benchmark
    public Object unboundid() {
        return UnboundIdSupport.parse(text);
    }

    @Benchmark
    public Object scimple() {
        return ScimpleSupport.parse(text);
    }

    @Benchmark
    public Object scimsdk() {
        return ScimSdkSupport.parse(text);
    }
}
