package io.scimkit.testkit.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.testkit.target.Target;
import io.scimkit.testkit.target.TargetRequest;
import io.scimkit.testkit.target.TargetResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the pool honours {@code Retry-After} (RFC 9110 §10.2.3) on a 429 (RFC 6585 §4). */
class WorkPoolTest {
    private static final byte[] SCIM_429 = """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"429"}"""
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void aThrottledRequestWaitsTheRetryAfterSecondsBeforeItIsSentAgain() {
        Deque<TargetResponse> answers = new ArrayDeque<>(List.of(throttled("7"), throttled("2"),
                new TargetResponse(200, Map.of(), new byte[0], Duration.ZERO)));
        List<Long> waits = new ArrayList<>();
        ProblemLog problems = new ProblemLog();
        try (WorkPool pool = new WorkPool(scripted(answers), 1, RateLimiter.perSecond(0), new LatencyRecorder(),
                problems, 5, waits::add)) {
            TargetResponse response = pool.send(RequestKind.USER_CREATE, TargetRequest.get("/Users"), Set.of(200));

            assertThat(response).isNotNull();
            assertThat(response.status()).isEqualTo(200);
            assertThat(waits).containsExactly(7_000L, 2_000L);
            assertThat(pool.throttled()).isEqualTo(2);
            assertThat(pool.sent()).isEqualTo(3);
            assertThat(problems.count()).isZero();
        }
    }

    @Test
    void aRetryAfterBeyondAMinuteIsAProblemRatherThanAStall() {
        Deque<TargetResponse> answers = new ArrayDeque<>(List.of(throttled("3600")));
        List<Long> waits = new ArrayList<>();
        ProblemLog problems = new ProblemLog();
        try (WorkPool pool = new WorkPool(scripted(answers), 1, RateLimiter.perSecond(0), new LatencyRecorder(),
                problems, 5, waits::add)) {
            assertThat(pool.send(RequestKind.USER_CREATE, TargetRequest.get("/Users"), Set.of(200))).isNull();
        }
        assertThat(waits).isEmpty();
        assertThat(problems.kept()).singleElement().asString().contains("Retry-After").contains("3600");
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2026-12-07T03:00:00Z");
        assertThat(WorkPool.parseRetryAfter("120", now)).isEqualTo(Duration.ofMinutes(2));
        assertThat(WorkPool.parseRetryAfter(" 0 ", now)).isEqualTo(Duration.ZERO);
        assertThat(WorkPool.parseRetryAfter("Mon, 07 Dec 2026 03:00:30 GMT", now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(WorkPool.parseRetryAfter("Mon, 07 Dec 2026 02:59:00 GMT", now)).isEqualTo(Duration.ZERO);
        assertThat(WorkPool.parseRetryAfter("-1", now)).isNull();
        assertThat(WorkPool.parseRetryAfter("soon", now)).isNull();
        assertThat(WorkPool.parseRetryAfter(null, now)).isNull();
    }

    private static TargetResponse throttled(String retryAfter) {
        return new TargetResponse(429, Map.of("Retry-After", retryAfter, "Content-Type", "application/scim+json"),
                SCIM_429, Duration.ZERO);
    }

    private static Target scripted(Deque<TargetResponse> answers) {
        return new Target() {
            @Override
            public TargetResponse send(TargetRequest request) {
                return answers.removeFirst();
            }

            @Override
            public URI baseUri() {
                return URI.create("http://scim.example.com/scim/v2");
            }

            @Override
            public String describe() {
                return "scripted";
            }
        };
    }
}
