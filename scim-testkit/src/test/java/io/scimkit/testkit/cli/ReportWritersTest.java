package io.scimkit.testkit.cli;

import static io.scimkit.testkit.replay.ScriptedTarget.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.testkit.TestServices;
import io.scimkit.testkit.load.LoadPlan;
import io.scimkit.testkit.load.LoadReport;
import io.scimkit.testkit.load.LoadRunner;
import io.scimkit.testkit.replay.ReplayReport;
import io.scimkit.testkit.replay.Replayer;
import io.scimkit.testkit.replay.ScriptedTarget;
import io.scimkit.testkit.scenario.Dialect;
import io.scimkit.testkit.scenario.ScenarioRun;
import io.scimkit.testkit.scenario.TestScenarios;
import io.scimkit.testkit.target.InProcessTarget;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ReportWritersTest {
    private final ReplayReport report = Replayer.of(new ScriptedTarget(request -> json(200, "{\"a\": \"<&>\"}")))
            .run(List.of(new ScenarioRun(TestScenarios.read("t", """
                {"name": "sc", "tags": ["entra"], "steps": [
                  {"name": "ok", "method": "GET", "path": "/Users", "expect": {"status": 200}},
                  {"name": "bad <one>", "method": "GET", "path": "/Users", "expect": {"status": 200,
                    "assertions": [{"path": "$.a", "equals": "b"}]}},
                  {"name": "skipped", "method": "GET", "path": "/Users/{{nope}}", "expect": {"status": 200}}]}"""),
                Dialect.VALIDATOR)));

    @Test
    void jsonReportHasEveryStepAndMismatch(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out/report.json");
        new JsonReportWriter().write(report, file);
        JsonNode json = new ObjectMapper().readTree(Files.readAllBytes(file));
        assertThat(json.get("passed").booleanValue()).isFalse();
        assertThat(json.at("/steps/failed").intValue()).isEqualTo(1);
        assertThat(json.at("/scenarios/0/dialect").textValue()).isEqualTo("validator");
        assertThat(json.at("/scenarios/0/steps/1/outcome").textValue()).isEqualTo("failed");
        assertThat(json.at("/scenarios/0/steps/1/mismatches/0").textValue()).isEqualTo("$.a: expected \"b\", got \"<&>\"");
        assertThat(json.at("/scenarios/0/steps/1/exchanges/0/request").textValue()).startsWith("GET /Users");
        assertThat(json.at("/scenarios/0/steps/2/outcome").textValue()).isEqualTo("skipped");
    }

    @Test
    void junitXmlIsWellFormedWithFailuresAndSkips() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JUnitXmlReportWriter().write(report, out);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(out.toByteArray()));
        Element suites = xml.getDocumentElement();
        assertThat(suites.getTagName()).isEqualTo("testsuites");
        assertThat(suites.getAttribute("tests")).isEqualTo("3");
        assertThat(suites.getAttribute("failures")).isEqualTo("1");
        assertThat(suites.getAttribute("skipped")).isEqualTo("1");
        Element suite = (Element) suites.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("sc [validator]");
        Element failure = (Element) xml.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("$.a: expected \"b\", got \"<&>\"");
        assertThat(failure.getTextContent()).contains("step 'bad <one>' failed", "request:");
        assertThat(xml.getElementsByTagName("skipped").getLength()).isEqualTo(1);
    }

    @Test
    void theJsonReportHoldsPlanPhasesKindsAndVerdict(@TempDir Path directory) throws IOException {
        LoadReport report = LoadRunner.of(InProcessTarget.of(TestServices.inMemory(ClientDialect.lenient())))
                .run(new LoadPlan(60, 4, 25, 4, 0, 10, 0.1, 0.05, "t1"));
        Path file = directory.resolve("nested/load.json");
        new LoadReportWriter().write(report, file);
        String json = Files.readString(file);
        assertThat(json).contains("\"runId\" : \"t1\"").contains("\"kind\" : \"member-add\"")
                .contains("\"multipleOfEntraGalleryRate\"").contains("\"passed\" : true")
                .contains("\"membershipsFound\" : 100").contains("\"throttled\" : 0");
    }
}
