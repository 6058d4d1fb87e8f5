package io.scimkit.testkit.replay;

import static io.scimkit.testkit.replay.ScriptedTarget.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.testkit.scenario.Dialect;
import io.scimkit.testkit.scenario.Scenario;
import io.scimkit.testkit.scenario.ScenarioRun;
import io.scimkit.testkit.scenario.TestScenarios;
import io.scimkit.testkit.target.Credentials;
import io.scimkit.testkit.target.TargetRequest;
import io.scimkit.testkit.target.TargetResponse;
import io.scimkit.testkit.target.TargetUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplayerTest {
    private static final String BODY = """
        {"id": "u1", "active": false, "count": 2, "members": [{"value": "a"}, {"value": "b"}], "name": {"givenName": "Al"},
         "emails": [{"type": "work", "value": "w@x"}, {"type": "home", "value": "h@x"}]}""";

    private static Scenario oneStep(String assertion) {
        return TestScenarios.read("test", """
            {"name": "t", "steps": [{"name": "get", "method": "GET", "path": "/Users/u1",
              "expect": {"status": 200, "assertions": [%s]}}]}""".formatted(assertion));
    }

    private static StepResult run(Scenario scenario, TargetResponse response) {
        ScriptedTarget target = new ScriptedTarget(request -> response);
        return Replayer.of(target).run(new ScenarioRun(scenario, Dialect.DEFAULT)).steps().get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"path\": \"$.id\", \"equals\": \"u1\"}                                | true",
        "{\"path\": \"$.id\", \"equals\": \"u2\"}                                | false",
        "{\"path\": \"$.active\", \"equals\": false}                             | true",
        "{\"path\": \"$.active\", \"equals\": \"false\"}                         | false",
        "{\"path\": \"$.count\", \"equals\": 2.0}                                | true",
        "{\"path\": \"$.name\", \"equals\": {\"givenName\": \"Al\"}}             | true",
        "{\"path\": \"$.name.familyName\", \"exists\": true}                     | false",
        "{\"path\": \"$.name.familyName\", \"absent\": true}                     | true",
        "{\"path\": \"$.members\", \"size\": 2}                                  | true",
        "{\"path\": \"$.members\", \"size\": 3}                                  | false",
        "{\"path\": \"$.nothing\", \"size\": 0}                                  | false",
        "{\"path\": \"$.members[*].value\", \"contains\": \"b\"}                 | true",
        "{\"path\": \"$.members[*].value\", \"contains\": \"c\"}                 | false",
        "{\"path\": \"$.members[*].value\", \"notContains\": \"c\"}              | true",
        "{\"path\": \"$.members[*].value\", \"notContains\": \"a\"}              | false",
        "{\"path\": \"$.nothing[*].value\", \"notContains\": \"a\"}              | true",
        "{\"path\": \"$.emails[?(@.type=='work')].value\", \"equals\": \"w@x\"}  | true",
        "{\"path\": \"$.emails[?(@.type=='other')]\", \"exists\": true}          | false",
        "{\"path\": \"$.id\", \"matches\": \"u[0-9]+\"}                          | true",
        "{\"path\": \"$.id\", \"matches\": \"x.*\"}                              | false",
        "{\"path\": \"$..[\", \"exists\": true}                                  | false",
    })
    void jsonAssertions(String assertion, boolean passes) {
        StepResult result = run(oneStep(assertion), json(200, BODY));
        assertThat(result.passed()).as(result.describe()).isEqualTo(passes);
        if (!passes) {
            assertThat(result.mismatches()).singleElement().asString().startsWith("$.");
        }
    }

    @Test
    void aFailingAssertionNamesThePathTheValueAndTheReason() {
        StepResult result = run(oneStep("{\"path\": \"$.members\", \"size\": 1, \"because\": \"Q4: only the listed member\"}"),
                json(200, BODY));
        assertThat(result.outcome()).isEqualTo(StepResult.Outcome.FAILED);
        assertThat(result.mismatches()).containsExactly(
                "$.members: expected size 1, got 2 ([{\"value\":\"a\"},{\"value\":\"b\"}]) — Q4: only the listed member");
        assertThat(result.describe()).contains("request:\n  GET /Users/u1", "response:\n  200", "\"members\"");
    }

    @Test
    void aWrongStatusIsReportedWithTheErrorDetailAndSkipsBodyAssertions() {
        StepResult result = run(oneStep("{\"path\": \"$.id\", \"exists\": true}"),
                json(404, "{\"status\": \"404\", \"scimType\": \"x\", \"detail\": \"gone\"}"));
        assertThat(result.mismatches()).containsExactly("status: expected 200, got 404 scimType x (\"gone\")",
                "body: 1 assertion(s) not checked because the status was wrong");
    }

    @Test
    void aBodyThatIsNotScimJsonIsReported() {
        TargetResponse plain = new TargetResponse(200, Map.of("Content-Type", "application/json; charset=utf-8"),
                "{}".getBytes(), Duration.ZERO);
        assertThat(run(oneStep("{\"path\": \"$\", \"exists\": true}"), plain).mismatches())
                .singleElement().asString().startsWith("Content-Type: expected application/scim+json, got application/json");
    }

    @Test
    void capturesFeedLaterStepsAndAMissingCaptureSkipsThem() {
        Scenario scenario = TestScenarios.read("test", """
            {"name": "t", "dialects": ["flag"], "steps": [
              {"name": "create", "method": "POST", "path": "/Users", "body": {"userName": "{{unique:a}}"},
               "capture": {"id": "$.id", "other": "$.missing"}, "expect": {"status": 201}},
              {"name": "get", "method": "GET", "path": "/Users/{{id}}", "query": {"filter": "userName eq \\"{{unique:a}}\\""},
               "expect": {"status": 200}},
              {"name": "needs other", "method": "GET", "path": "/Users/{{other}}", "expect": {"status": 200}}]}""");
        ScriptedTarget target = new ScriptedTarget(request -> json(request.method().equals("POST") ? 201 : 200,
                "{\"id\": \"new-1\"}"));
        ScenarioResult result = Replayer.of(target).run(new ScenarioRun(scenario, Dialect.FLAG));
        assertThat(result.steps()).extracting(StepResult::outcome).containsExactly(StepResult.Outcome.FAILED,
                StepResult.Outcome.PASSED, StepResult.Outcome.SKIPPED);
        assertThat(result.steps().get(0).mismatches()).containsExactly("capture other: $.missing is not in the response");
        assertThat(result.steps().get(2).mismatches().get(0)).contains("{{other}}");
        TargetRequest create = target.requests.get(0);
        assertThat(create.header("Content-Type")).isEqualTo("application/scim+json; charset=utf-8");
        assertThat(create.rawQuery()).isEqualTo("aadOptscim062020");
        TargetRequest get = target.requests.get(1);
        assertThat(get.path()).isEqualTo("/Users/new-1");
        assertThat(get.rawQuery()).matches("filter=userName\\+eq\\+%22a-[a-z0-9]+%22&aadOptscim062020");
        assertThat(get.headers()).isEmpty();
    }

    @Test
    void repetitionsRunInParallelAndChecksRunOnceAfterThem() {
        Scenario scenario = TestScenarios.read("test", """
            {"name": "t", "steps": [{"name": "many", "method": "PATCH", "path": "/Groups/g", "repeat": 5, "parallel": true,
              "body": {"value": "{{i}}"}, "credentials": "wrong", "expect": {"status": 204, "contentType": null},
              "checks": [{"path": "/Groups/g", "expect": {"status": 200, "assertions": [{"path": "$.n", "equals": 5}]}}]}]}""");
        ScriptedTarget target = new ScriptedTarget(request -> request.method().equals("PATCH")
                ? new TargetResponse(204, Map.of(), new byte[0], Duration.ZERO) : json(200, "{\"n\": 4}"));
        StepResult result = Replayer.of(target).run(new ScenarioRun(scenario, Dialect.DEFAULT)).steps().get(0);
        assertThat(target.requests).hasSize(6);
        assertThat(target.requests.subList(0, 5)).extracting(TargetRequest::bodyText)
                .containsExactlyInAnyOrder("{\"value\":\"0\"}", "{\"value\":\"1\"}", "{\"value\":\"2\"}", "{\"value\":\"3\"}",
                        "{\"value\":\"4\"}")
                .isNotEmpty();
        assertThat(target.requests.subList(0, 5)).extracting(TargetRequest::credentials).containsOnly(Credentials.WRONG);
        assertThat(result.mismatches()).containsExactly("end state (GET /Groups/g): $.n: expected 5, got 4");
    }

    @Test
    void anUnavailableTargetIsAnErrorNotAFailure() {
        ScriptedTarget target = new ScriptedTarget(request -> {
            throw new TargetUnavailableException("GET https://scripted.test/scim/Users failed: refused", null);
        });
        ReplayReport report = Replayer.of(target).run(List.of(new ScenarioRun(oneStep("{\"path\": \"$\", \"exists\": true}"),
                Dialect.DEFAULT)));
        assertThat(report.count(StepResult.Outcome.ERROR)).isEqualTo(1);
        assertThat(report.mismatches()).containsExactly("t [default] / get: GET https://scripted.test/scim/Users failed: refused");
        assertThat(report.summary()).startsWith("0 of 1 scenario runs passed; steps: 0 passed, 0 failed, 1 errors, 0 skipped");
    }

    @Test
    void longBodiesAreTrimmedInReports() {
        String big = "{\"id\": \"" + "x".repeat(5000) + "\"}";
        StepResult result = Replayer.of(new ScriptedTarget(request -> json(200, big)))
                .withOptions(ReplayOptions.defaults().withTrimLength(100))
                .run(new ScenarioRun(oneStep("{\"path\": \"$.id\", \"equals\": \"y\"}"), Dialect.DEFAULT)).steps().get(0);
        assertThat(result.exchanges().get(0).response()).contains("… (4910 more characters)").hasSizeLessThan(300);
        assertThat(result.mismatches().get(0)).hasSizeLessThan(300);
    }
}
