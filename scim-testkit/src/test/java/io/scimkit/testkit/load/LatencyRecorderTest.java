package io.scimkit.testkit.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatencyRecorderTest {

    @ParameterizedTest(name = "p{1} of 1..{0} = {2}")
    @CsvSource({"100, 50, 50", "100, 95, 95", "100, 99, 99", "100, 100, 100", "10, 50, 5", "10, 95, 10", "10, 99, 10",
        "1, 50, 1", "1, 99, 1", "3, 50, 2", "20, 0, 1"})
    void percentilesAreNearestRank(int n, double p, long expected) {
        long[] sorted = LongStream.rangeClosed(1, n).toArray();
        assertThat(LatencyRecorder.percentile(sorted, p)).isEqualTo(expected);
    }

    @Test
    void statsAreKeptPerKindFromShuffledSamples() {
        LatencyRecorder recorder = new LatencyRecorder();
        Random random = new Random(42);
        List<Long> values = new java.util.ArrayList<>(LongStream.rangeClosed(1, 200).boxed().toList());
        java.util.Collections.shuffle(values, random);
        long start = 1_000_000;
        for (long millis : values) {
            recorder.record(RequestKind.USER_CREATE, start, Duration.ofMillis(millis), millis % 50 == 0);
            start += 1_000_000;
        }
        recorder.record(RequestKind.MEMBER_ADD, 0, Duration.ofMillis(7), false);

        List<KindStats> stats = recorder.stats();
        assertThat(stats).extracting(KindStats::kind).containsExactly(RequestKind.USER_CREATE, RequestKind.MEMBER_ADD);
        KindStats creates = stats.get(0);
        assertThat(creates.requests()).isEqualTo(200);
        assertThat(creates.failures()).isEqualTo(4);
        assertThat(creates.p50()).isEqualTo(Duration.ofMillis(100));
        assertThat(creates.p95()).isEqualTo(Duration.ofMillis(190));
        assertThat(creates.p99()).isEqualTo(Duration.ofMillis(198));
        assertThat(creates.max()).isEqualTo(Duration.ofMillis(200));
        assertThat(creates.mean()).isEqualTo(Duration.ofNanos(100_500_000));
        assertThat(stats.get(1).p99()).isEqualTo(Duration.ofMillis(7));
    }

    @Test
    void throughputIsRequestsOverTheSpanFromFirstStartToLastEnd() {
        LatencyRecorder recorder = new LatencyRecorder();
        // Ten requests, one every 100 ms, each 100 ms long: one second from first start to last end.
        for (int i = 0; i < 10; i++) {
            recorder.record(RequestKind.USER_LOOKUP, i * 100_000_000L, Duration.ofMillis(100), false);
        }
        KindStats lookups = recorder.stats().get(0);
        assertThat(lookups.span()).isEqualTo(Duration.ofSeconds(1));
        assertThat(lookups.requestsPerSecond()).isEqualTo(10.0);
    }

    @Test
    void kindsHaveStableLabels() {
        assertThat(RequestKind.USER_LOOKUP.label()).isEqualTo("user-lookup");
        assertThat(RequestKind.VERIFY_GROUP_GET.label()).isEqualTo("verify-group-get");
        assertThat(RequestKind.VERIFY_GROUP_GET.verification()).isTrue();
        assertThat(RequestKind.MEMBER_ADD.verification()).isFalse();
    }
}
