package io.scimkit.testkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioCatalogueTest {
    private final ScenarioCatalogue entra = ScenarioCatalogue.entra();

    @Test
    void everyQuirkIsReplayedOrExplained() throws IOException {
        JsonNode index;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ScenarioLoader.ENTRA_INDEX)) {
            index = new ObjectMapper().readTree(in);
        }
        Set<String> explained = new TreeSet<>();
        index.get("notReplayed").fieldNames().forEachRemaining(explained::add);
        for (int n = 1; n <= 25; n++) {
            String quirk = "Q" + n;
            boolean replayed = entra.scenarios().stream().anyMatch(scenario -> scenario.hasTag("quirk:" + quirk));
            assertThat(replayed ^ explained.contains(quirk)).as(quirk + " is replayed or explained, not both").isTrue();
        }
    }

    @Test
    void coversEntraSection2InAllThreeDialects() {
        for (String name : List.of("entra-test-connection", "entra-user-lifecycle", "entra-group-lifecycle")) {
            assertThat(entra.named(name)).get().extracting(Scenario::dialects)
                    .isEqualTo(Set.of(Dialect.DEFAULT, Dialect.FLAG, Dialect.VALIDATOR));
        }
        assertThat(entra.runs(ScenarioSelection.all().tags("rfc-negative"))).extracting(run -> run.scenario().name())
                .contains("rfc-invalid-filter", "rfc-unknown-id", "rfc-duplicate-username", "rfc-bad-json", "rfc-wrong-token");
        assertThat(entra.runs(ScenarioSelection.all().tags("concurrency"))).isNotEmpty();
    }

    @Test
    void loadsAnIntegratorsDirectoryWithAndWithoutIndex(@TempDir Path dir) throws IOException {
        String scenario = """
            {"name": "%s", "steps": [{"name": "list", "method": "GET", "path": "/Users", "expect": {"status": 200}}]}""";
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("b.json"), scenario.formatted("mine-b"));
        Files.writeString(dir.resolve("sub/a.json"), scenario.formatted("mine-a"));
        assertThat(ScenarioCatalogue.fromPath(dir).scenarios()).extracting(Scenario::name).containsExactly("mine-b", "mine-a");
        assertThat(entra.plus(ScenarioCatalogue.fromPath(dir.resolve("b.json"))).named("mine-b")).isPresent();

        Files.writeString(dir.resolve("index.json"), "{\"scenarios\": [\"sub/a.json\"]}");
        assertThat(ScenarioCatalogue.fromPath(dir).scenarios()).extracting(Scenario::name).containsExactly("mine-a");
        assertThatThrownBy(() -> ScenarioCatalogue.fromPath(dir.resolve("missing")))
                .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("missing");
    }

    @Test
    void namesAreUnique() {
        assertThatThrownBy(() -> entra.plus(entra)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two scenarios are named");
    }
}
