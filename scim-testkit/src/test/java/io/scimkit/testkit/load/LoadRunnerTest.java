package io.scimkit.testkit.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimkit.core.ScimService;
import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.testkit.TestServices;
import io.scimkit.testkit.target.InProcessTarget;
import io.scimkit.testkit.target.Target;
import io.scimkit.testkit.target.TargetRequest;
import io.scimkit.testkit.target.TargetResponse;
import io.scimkit.testkit.target.TargetUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The load mode in-process against the in-memory store, and against servers that go wrong. */
class LoadRunnerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LoadPlan PLAN = new LoadPlan(60, 4, 25, 4, 0, 10, 0.1, 0.05, "t1");

    private final ScimService service = TestServices.inMemory(ClientDialect.lenient());

    @Test
    void aCorrectServerPassesAndEveryKindIsCounted() {
        LoadReport report = LoadRunner.of(InProcessTarget.of(service)).run(PLAN);

        assertThat(report.requestProblems()).isEmpty();
        assertThat(report.verification()).isNotNull();
        assertThat(report.verification().problems()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.verification().usersFound()).isEqualTo(60);
        assertThat(report.verification().groupsFound()).isEqualTo(4);
        assertThat(report.verification().membershipsFound()).isEqualTo(100);
        Map<RequestKind, Long> requests = report.stats().stream()
                .collect(Collectors.toMap(KindStats::kind, KindStats::requests, (a, b) -> a,
                        () -> new EnumMap<>(RequestKind.class)));
        assertThat(requests).containsEntry(RequestKind.USER_LOOKUP, 60L).containsEntry(RequestKind.USER_CREATE, 60L)
                .containsEntry(RequestKind.GROUP_LOOKUP, 4L).containsEntry(RequestKind.GROUP_CREATE, 4L)
                .containsEntry(RequestKind.MEMBER_ADD, 12L).containsEntry(RequestKind.USER_UPDATE, 6L)
                .containsEntry(RequestKind.USER_DISABLE, 3L).containsEntry(RequestKind.VERIFY_USER_PAGE, 1L)
                .containsEntry(RequestKind.VERIFY_GROUP_PAGE, 1L).containsEntry(RequestKind.VERIFY_GROUP_GET, 4L);
        assertThat(report.cycleRequests()).isEqualTo(60 + 60 + 4 + 4 + 12 + 6 + 3);
        assertThat(report.phases()).extracting(PhaseResult::name).containsExactly("users", "groups", "members",
                "incremental", "verify-users-page1", "verify-groups-page1", "verify-members");
        assertThat(report.stats()).allSatisfy(stats -> assertThat(stats.p50()).isLessThanOrEqualTo(stats.p95()));
    }

    @Test
    void smallServerPagesAreFollowedToTheEnd() {
        ScimService smallPages = ScimService.builder().baseUri(TestServices.BASE)
                .userStore(io.scimkit.core.store.memory.InMemoryStores.create(
                        io.scimkit.core.schema.SchemaRegistry.core()).users())
                .groupStore(io.scimkit.core.store.memory.InMemoryStores.create(
                        io.scimkit.core.schema.SchemaRegistry.core()).groups())
                .limits(io.scimkit.core.protocol.ServiceLimits.defaults().withMaxResults(7))
                .build();
        LoadReport report = LoadRunner.of(InProcessTarget.of(smallPages))
                .run(new LoadPlan(50, 9, 3, 3, 0, 2, 0.1, 0.1, "pages"));
        assertThat(report.passed()).as(String.valueOf(report.verification())).isTrue();
        assertThat(report.phases()).extracting(PhaseResult::name).contains("verify-users-pages", "verify-groups-pages");
        assertThat(report.stats()).filteredOn(stats -> stats.kind() == RequestKind.VERIFY_USER_PAGE)
                .singleElement().extracting(KindStats::requests).isEqualTo(8L);
    }

    @Test
    void runsWithFreshIdsCanRepeatAgainstTheSameServer() {
        Target target = InProcessTarget.of(service);
        assertThat(LoadRunner.of(target).run(PLAN.withRunId("first")).passed()).isTrue();
        assertThat(LoadRunner.of(target).run(PLAN.withRunId("second")).passed()).isTrue();
    }

    @Test
    void reusingARunIdIsCaughtByTheMatchQueries() {
        Target target = InProcessTarget.of(service);
        LoadRunner.of(target).run(PLAN);
        LoadReport again = LoadRunner.of(target).run(PLAN);
        assertThat(again.passed()).isFalse();
        assertThat(again.requestProblems()).anySatisfy(problem -> assertThat(problem)
                .startsWith("user-lookup: the match query for the new name lt-t1-u").contains("totalResults is 1"));
    }

    @Test
    void aServerThatAcknowledgesDisablesWithoutApplyingThemIsCaught() {
        Target target = new Rewriting(InProcessTarget.of(service),
                request -> request.method().equals("PATCH") && request.bodyText().contains("\"active\""),
                request -> new TargetResponse(204, Map.of(), new byte[0], java.time.Duration.ZERO));
        LoadReport report = LoadRunner.of(target).run(PLAN);
        assertThat(report.requestProblems()).isEmpty();
        assertThat(report.passed()).isFalse();
        assertThat(report.verification().problemCount()).isEqualTo(3);
        assertThat(report.verification().problems()).allSatisfy(problem -> assertThat(problem)
                .contains("active is true, expected false"));
    }

    @Test
    void aListingThatShowsAUserTwiceOrAForeignUserIsCaught() {
        Target inner = InProcessTarget.of(service);
        Target target = new Target() {
            @Override
            public TargetResponse send(TargetRequest request) {
                TargetResponse response = inner.send(request);
                if (!request.path().equals("/Users") || !request.rawQuery().contains("+sw+")) {
                    return response;
                }
                try {
                    ObjectNode page = (ObjectNode) JSON.readTree(response.body());
                    ArrayNode resources = (ArrayNode) page.get("Resources");
                    resources.add(resources.get(0).deepCopy());
                    ObjectNode stranger = resources.get(1).deepCopy();
                    stranger.put("userName", "lt-t1-u9999999@load.scimkit.example");
                    resources.add(stranger);
                    return response.withStatusAndBody(200, JSON.writeValueAsBytes(page));
                } catch (IOException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }

            @Override
            public URI baseUri() {
                return inner.baseUri();
            }

            @Override
            public String describe() {
                return inner.describe();
            }
        };
        LoadReport report = LoadRunner.of(target).run(PLAN);
        assertThat(report.passed()).isFalse();
        assertThat(report.verification().problems())
                .anySatisfy(problem -> assertThat(problem).isEqualTo("user lt-t1-u0000000@load.scimkit.example is listed 2 times"))
                .anySatisfy(problem -> assertThat(problem).isEqualTo(
                        "user lt-t1-u9999999@load.scimkit.example is listed but this run never created it"));
    }

    @Test
    void anEndpointThatStopsAnsweringStopsTheRun() {
        AtomicInteger budget = new AtomicInteger(30);
        Target target = new Rewriting(InProcessTarget.of(service), request -> budget.decrementAndGet() < 0,
                request -> {
                    throw new TargetUnavailableException("GET x failed: ConnectException", new IOException("refused"));
                });
        LoadReport report = LoadRunner.of(target).run(PLAN);
        assertThat(report.unavailable()).contains("ConnectException");
        assertThat(report.verification()).isNull();
        assertThat(report.passed()).isFalse();
        assertThat(report.cycleRequests()).isLessThanOrEqualTo(30);
        assertThat(report.phases()).extracting(PhaseResult::name).containsExactly("users");
    }

    @Test
    void throttledRequestsAreCountedAndSentAgainAfterRetryAfter() {
        // More retries than throttled answers: however the workers interleave, every create goes through.
        AtomicInteger throttle = new AtomicInteger(25);
        Target target = new Rewriting(InProcessTarget.of(service),
                request -> request.method().equals("POST") && throttle.getAndDecrement() > 0,
                request -> tooManyRequests("0", SCIM_429));

        LoadReport report = LoadRunner.of(target).withThrottleRetries(30).run(PLAN);

        assertThat(report.requestProblems()).isEmpty();
        assertThat(report.passed()).as("every throttled create went through on a later try").isTrue();
        assertThat(report.throttled()).isEqualTo(25);
        assertThat(report.verification().usersFound()).isEqualTo(60);
    }

    @Test
    void withoutRetriesA429IsAnUnexpectedAnswerAndCounted() {
        AtomicInteger throttle = new AtomicInteger(5);
        Target target = new Rewriting(InProcessTarget.of(service),
                request -> request.method().equals("POST") && throttle.getAndDecrement() > 0,
                request -> tooManyRequests("1", SCIM_429));

        LoadReport report = LoadRunner.of(target).run(PLAN);

        assertThat(report.throttled()).isEqualTo(5);
        assertThat(report.requestProblemCount()).isEqualTo(5);
        assertThat(report.requestProblems()).allSatisfy(problem -> assertThat(problem).contains("answered 429"));
        assertThat(report.passed()).isFalse();
    }

    @Test
    void a429WithoutRetryAfterOrWithoutAScimErrorBodyIsAProblemAndNotSentAgain() {
        AtomicInteger throttle = new AtomicInteger(4);
        Target target = new Rewriting(InProcessTarget.of(service),
                request -> request.method().equals("POST") && throttle.getAndDecrement() > 0,
                request -> throttle.get() % 2 == 0 ? tooManyRequests(null, SCIM_429)
                        : tooManyRequests("1", "{\"error\":\"slow down\"}"));

        LoadReport report = LoadRunner.of(target).withThrottleRetries(5).run(PLAN);

        assertThat(report.throttled()).isEqualTo(4);
        assertThat(report.requestProblemCount()).isEqualTo(4);
        assertThat(report.requestProblems())
                .anySatisfy(problem -> assertThat(problem).contains("without a Retry-After"))
                .anySatisfy(problem -> assertThat(problem).contains("without an RFC 7644 §3.12 error body"));
    }

    @Test
    void throttleRetriesAreBounded() {
        LoadRunner runner = LoadRunner.of(InProcessTarget.of(service));
        assertThatThrownBy(() -> runner.withThrottleRetries(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> runner.withThrottleRetries(LoadRunner.MAX_THROTTLE_RETRIES + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static final String SCIM_429 =
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"429\",\"detail\":\"slow down\"}";

    private static TargetResponse tooManyRequests(@Nullable String retryAfter, String body) {
        Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/scim+json"));
        if (retryAfter != null) {
            headers.put("Retry-After", retryAfter);
        }
        return new TargetResponse(429, headers, body.getBytes(StandardCharsets.UTF_8), Duration.ZERO);
    }

    /** Answers some requests itself instead of the delegate. */
    private static final class Rewriting implements Target {
        private final Target delegate;
        private final Predicate<TargetRequest> intercept;
        private final java.util.function.Function<TargetRequest, TargetResponse> answer;

        Rewriting(Target delegate, Predicate<TargetRequest> intercept,
                java.util.function.Function<TargetRequest, TargetResponse> answer) {
            this.delegate = delegate;
            this.intercept = intercept;
            this.answer = answer;
        }

        @Override
        public TargetResponse send(TargetRequest request) {
            return intercept.test(request) ? answer.apply(request) : delegate.send(request);
        }

        @Override
        public URI baseUri() {
            return delegate.baseUri();
        }

        @Override
        public String describe() {
            return delegate.describe();
        }
    }
}
