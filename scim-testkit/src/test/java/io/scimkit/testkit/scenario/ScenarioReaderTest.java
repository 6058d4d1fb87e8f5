package io.scimkit.testkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimkit.testkit.target.Credentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioReaderTest {
    private static final String STEP = "{\"name\": \"s\", \"method\": \"get\", \"path\": \"/Users\", \"expect\": {\"status\": 200}}";

    @Test
    void readsAFullStep() {
        Scenario scenario = ScenarioReader.read("mem", """
            {"name": "x", "description": "d", "dialects": ["flag", "aadOptscim062020"], "tags": ["entra", "quirk:Q4"],
             "steps": [{"name": "create", "method": "POST", "path": "/Users/{{id}}", "query": {"filter": "a eq \\"b\\""},
                        "headers": {"X-A": "1"}, "body": {"userName": "{{unique:u}}"}, "credentials": "wrong",
                        "repeat": 3, "parallel": true, "capture": {"id{{i}}": "$.id"},
                        "expect": {"status": [200, 204], "contentType": null, "because": "why",
                                   "assertions": [{"path": "$.a", "equals": 1}, {"path": "$.b", "exists": false},
                                                  {"path": "$.c", "size": 2, "because": "c"}, {"path": "$.d", "matches": "x+"}]},
                        "checks": [{"path": "/Users/{{id0}}"}], "_comment": "ignored"}]}
            """);
        assertThat(scenario.dialects()).containsExactly(Dialect.FLAG);
        Step step = scenario.steps().get(0);
        assertThat(step.request().method()).isEqualTo("POST");
        assertThat(step.request().credentials()).isEqualTo(Credentials.WRONG);
        assertThat(step.repeat()).isEqualTo(3);
        assertThat(step.parallel()).isTrue();
        assertThat(step.expect().status()).containsExactly(200, 204);
        assertThat(step.expect().contentType()).isNull();
        assertThat(step.expect().assertions()).extracting(JsonAssertion::kind).containsExactly(JsonAssertion.Kind.EQUALS,
                JsonAssertion.Kind.ABSENT, JsonAssertion.Kind.SIZE, JsonAssertion.Kind.MATCHES);
        assertThat(step.checks().get(0).request().method()).isEqualTo("GET");
        assertThat(step.checks().get(0).expect()).isEqualTo(Expectation.ok());
    }

    @Test
    void aScenarioWithoutDialectsRunsInAll() {
        Scenario scenario = ScenarioReader.read("mem", "{\"name\": \"x\", \"steps\": [" + STEP + "]}");
        assertThat(scenario.dialects()).containsExactly(Dialect.DEFAULT, Dialect.FLAG, Dialect.VALIDATOR, Dialect.OKTA);
        assertThat(scenario.steps().get(0).request().method()).isEqualTo("GET");
        assertThat(scenario.steps().get(0).expect().contentType()).isEqualTo("application/scim+json");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"name\": \"x\", \"stepz\": []}                                            | unknown key 'stepz'",
        "{\"name\": \"x\", \"steps\": [{\"name\": \"s\", \"method\": \"GET\", \"path\": \"/\"}]} | 'expect' is required",
        "{\"name\": \"x\", \"dialects\": [\"onelogin\"], \"steps\": []}              | unknown dialect 'onelogin'",
        "{\"name\": \"x\", \"steps\": []}                                            | at least one step",
        "{\"name\": \"x\", \"steps\": [{\"name\": \"s\", \"method\": \"GET\", \"path\": \"/\", \"expect\": {\"status\": 200, \"assertions\": [{\"path\": \"$\", \"equal\": 1}]}}]} | unknown key 'equal'",
        "{\"name\": \"x\", \"steps\": [{\"name\": \"s\", \"method\": \"GET\", \"path\": \"/\", \"credentials\": \"maybe\", \"expect\": {\"status\": 200}}]} | credentials is valid, wrong or none",
        "{\"name\": \"x\", \"steps\": [{\"name\": \"s\", \"method\": \"POST\", \"path\": \"/\", \"body\": {}, \"rawBody\": \"x\", \"expect\": {\"status\": 200}}]} | not both",
        "{\"name\": \"x\", \"dialects\": [\"flag\"], \"steps\": [{\"name\": \"s\", \"dialects\": [\"default\"], \"method\": \"GET\", \"path\": \"/\", \"expect\": {\"status\": 200}}]} | not one of the scenario's",
        "not json                                                                      | not JSON",
    })
    void invalidScenariosAreRejectedWithTheFileAndPlace(String json, String message) {
        assertThatThrownBy(() -> ScenarioReader.read("my-file.json", json))
                .isInstanceOf(ScenarioFormatException.class)
                .hasMessageContaining("my-file.json")
                .hasMessageContaining(message);
    }
}
