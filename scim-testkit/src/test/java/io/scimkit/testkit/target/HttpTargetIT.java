package io.scimkit.testkit.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.testkit.TestServices;
import io.scimkit.testkit.replay.ReplayReport;
import io.scimkit.testkit.replay.Replayer;
import io.scimkit.testkit.replay.ScenarioResult;
import io.scimkit.testkit.replay.StepResult;
import io.scimkit.testkit.scenario.ScenarioCatalogue;
import io.scimkit.testkit.scenario.ScenarioSelection;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The catalogue over real HTTP/1.1, through a JDK HTTP server in front of the in-memory service. */
class HttpTargetIT {
    private static final String TOKEN = "s3cr3t-t0ken-value";
    private final ScimHttpBridge bridge;

    HttpTargetIT() throws IOException {
        bridge = new ScimHttpBridge(TestServices.inMemory(ClientDialect.lenient()), TOKEN);
    }

    @AfterEach
    void stop() {
        bridge.close();
    }

    @Test
    void theWholeCataloguePassesOverHttpAndNoReportShowsTheToken() {
        HttpTarget target = HttpTarget.of(bridge.baseUri(), TOKEN);
        ReplayReport report = Replayer.of(target).run(ScenarioCatalogue.entra().runs(ScenarioSelection.all()));
        assertThat(report.mismatches()).as(report.summary()).isEmpty();

        // What the command line's report writers write: the summary, every mismatch and exchange.
        assertThat(report.summary()).doesNotContain(TOKEN);
        assertThat(report.scenarios()).flatExtracting(ScenarioResult::steps).allSatisfy(step -> {
            assertThat(step.mismatches()).noneMatch(mismatch -> mismatch.contains(TOKEN));
            assertThat(step.exchanges()).allSatisfy(exchange -> assertThat(exchange.toString()).doesNotContain(TOKEN));
        });
        assertThat(target.toString()).doesNotContain(TOKEN);
        assertThat(target.describe()).doesNotContain(TOKEN);
    }

    @Test
    void sendsWhatEntraSends() {
        HttpTarget target = HttpTarget.of(URI.create(bridge.baseUri() + "?aadOptscim062020"), TOKEN);
        target.send(new TargetRequest("POST", "/Users", "", Map.of("Content-Type", "application/scim+json; charset=utf-8"),
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"h@x\"}".getBytes(StandardCharsets.UTF_8),
                Credentials.VALID));
        TargetResponse list = target.send(new TargetRequest("GET", "/Users", "filter=userName+eq+%22h%40x%22", Map.of(),
                new byte[0], Credentials.VALID));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.bodyText()).contains("\"totalResults\":1");
        assertThat(bridge.seen).allSatisfy(seen -> {
            assertThat(seen.protocol()).isEqualTo("HTTP/1.1");
            assertThat(seen.headers().get("Authorization")).containsExactly("Bearer " + TOKEN);
            assertThat(seen.headers().getOrDefault("Accept", java.util.List.of())).noneMatch(accept -> accept.contains("scim"));
            assertThat(seen.headers()).doesNotContainKeys("If-match", "If-none-match");
        });
        assertThat(bridge.seen.get(0).headers().get("Content-type")).containsExactly("application/scim+json; charset=utf-8");
        assertThat(bridge.seen.get(1).rawQuery()).isEqualTo("filter=userName+eq+%22h%40x%22&aadOptscim062020");
    }

    @Test
    void wrongAndMissingTokensAreRefused() {
        HttpTarget target = HttpTarget.of(bridge.baseUri(), TOKEN);
        for (Credentials credentials : new Credentials[] {Credentials.WRONG, Credentials.NONE}) {
            TargetResponse response = target.send(new TargetRequest("GET", "/Users", "", Map.of(), new byte[0], credentials));
            assertThat(response.status()).isEqualTo(401);
        }
        assertThat(bridge.seen.get(0).headers().get("Authorization").get(0)).startsWith("Bearer ").doesNotContain(TOKEN);
        assertThat(bridge.seen.get(1).headers()).doesNotContainKey("Authorization");
    }

    @Test
    void anUnreachableServerIsAnErrorWhoseMessageHasNoToken() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        HttpTarget target = HttpTarget.builder(URI.create("http://127.0.0.1:" + port + "/scim"), TOKEN)
                .connectTimeout(Duration.ofSeconds(2)).build();
        assertThatThrownBy(() -> target.send(TargetRequest.get("/Users")))
                .isInstanceOf(TargetUnavailableException.class)
                .hasMessageContaining("127.0.0.1:" + port)
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain(TOKEN));
        ReplayReport report = Replayer.of(target).run(ScenarioCatalogue.entra()
                .runs(ScenarioSelection.all().scenarios("entra-test-connection").dialects(io.scimkit.testkit.scenario.Dialect.DEFAULT)));
        assertThat(report.count(StepResult.Outcome.ERROR)).isEqualTo(3);
    }

    @Test
    void malformedSettingsAreRefusedWithoutEchoingTheToken() {
        assertThatThrownBy(() -> HttpTarget.of(URI.create("ftp://x"), TOKEN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpTarget.of(bridge.baseUri(), "has space " + TOKEN))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain(TOKEN));
    }
}
