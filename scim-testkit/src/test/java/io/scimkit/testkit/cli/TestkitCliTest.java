package io.scimkit.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.testkit.TestServices;
import io.scimkit.testkit.target.InProcessTarget;
import io.scimkit.testkit.target.Target;
import io.scimkit.testkit.target.TargetRequest;
import io.scimkit.testkit.target.TargetResponse;
import io.scimkit.testkit.target.TargetUnavailableException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line end to end without sockets: the target factory hands out an in-process service
 * (or a broken or unreachable one), and the exit status, the printed lines and the report files
 * are checked.
 */
class TestkitCliTest {
    private static final String TOKEN = "cli-test-token-0123456789";
    private static final String URL = "http://127.0.0.1:9/scim/v2";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path reports;

    private int run(TargetFactory targets, String... args) {
        return new TestkitCli(Map.of("SCIM_TOKEN", TOKEN), new PrintWriter(out), new PrintWriter(err), false, targets)
                .run(args);
    }

    private static TargetFactory inMemory() {
        return connection -> InProcessTarget.of(TestServices.inMemory(ClientDialect.lenient()));
    }

    private static TargetFactory rewriting(UnaryOperator<TargetResponse> rewrite, String method) {
        return connection -> new RewritingTarget(InProcessTarget.of(TestServices.inMemory(ClientDialect.lenient())),
                rewrite, method);
    }

    @Test
    void aPassingReplayPrintsOneLinePerStepAndASummaryWritesReportsAndExitsZero() throws IOException {
        int status = run(inMemory(), "replay", "--url", URL, "--scenario", "entra-user-lifecycle", "--dialect",
                "default", "--report", reports.toString());
        assertThat(status).as(err.toString()).isEqualTo(TestkitCli.PASSED);
        String printed = out.toString();
        assertThat(printed).contains("Replaying 1 scenario runs")
                .containsPattern("(?m)^PASS  entra-user-lifecycle \\[default\\]  .+  201  \\d+ ms$")
                .contains("1 of 1 scenario runs passed");
        assertThat(printed.lines().filter(line -> line.startsWith("PASS  ")).count()).isGreaterThan(5);
        assertThat(reports.resolve(ReplayCommand.JUNIT_REPORT)).exists();
        assertThat(reports.resolve(ReplayCommand.JSON_REPORT)).exists();
        assertNoToken(printed + err + Files.readString(reports.resolve(ReplayCommand.JUNIT_REPORT))
                + Files.readString(reports.resolve(ReplayCommand.JSON_REPORT)));
    }

    @Test
    void dialectOktaReplaysTheOktaCatalogueAndReportsTheRulesItFired() throws IOException {
        int status = run(inMemory(), "replay", "--url", URL, "--dialect", "okta", "--report", reports.toString());
        assertThat(status).as(err.toString()).isEqualTo(TestkitCli.PASSED);
        assertThat(out.toString()).contains("Replaying 2 scenario runs")
                .containsPattern("(?m)^PASS  okta-group-push \\[okta\\]  ")
                .doesNotContain("entra-")
                .contains("dialect rules fired, okta: replace-empty-array-removes=1");
        assertThat(Files.readString(reports.resolve(ReplayCommand.JSON_REPORT)))
                .containsPattern("\"ruleFirings\" : \\{\\s*\"okta\" : \\{\\s*\"replace-empty-array-removes\" : 1");
    }

    @Test
    void aFailingStepMakesTheExitStatusOneAndShowsTheMismatch() {
        // A server that answers every DELETE with 500.
        int status = run(rewriting(response -> response.withStatusAndBody(500, new byte[0]), "DELETE"), "replay",
                "--url", URL, "--scenario", "entra-user-lifecycle", "--dialect", "flag");
        assertThat(status).isEqualTo(TestkitCli.FAILED);
        assertThat(out.toString()).containsPattern("(?m)^FAIL  entra-user-lifecycle \\[flag\\]  .+  500  \\d+ ms$")
                .contains("      - ").contains("0 of 1 scenario runs passed");
        assertNoToken(out.toString() + err);
    }

    @Test
    void anUnreachableEndpointExitsWithTwo() {
        TargetFactory unreachable = connection -> new UnreachableTarget(connection.url());
        assertThat(run(unreachable, "replay", "--url", URL)).isEqualTo(TestkitCli.USAGE_OR_CONNECTION);
        assertThat(err.toString()).contains("cannot reach " + URL).contains("Connection refused");
        StringWriter loadErr = new StringWriter();
        int loadStatus = new TestkitCli(Map.of("SCIM_TOKEN", TOKEN), new PrintWriter(out), new PrintWriter(loadErr),
                false, unreachable).run("load", "--url", URL, "--users", "5");
        assertThat(loadStatus).isEqualTo(TestkitCli.USAGE_OR_CONNECTION);
        assertThat(loadErr.toString()).contains("cannot reach");
        assertNoToken(out.toString() + err + loadErr);
    }

    @Test
    void anEndpointThatRefusesTheTokenExitsWithTwo() {
        int status = run(rewriting(response -> response.withStatusAndBody(401, new byte[0]), "GET"), "replay", "--url",
                URL);
        assertThat(status).isEqualTo(TestkitCli.USAGE_OR_CONNECTION);
        assertThat(err.toString()).contains("refused the bearer token (HTTP 401)");
    }

    @Test
    void aSelectionThatMatchesNothingIsAUsageError() {
        assertThat(run(inMemory(), "replay", "--url", URL, "--scenario", "no-such-scenario"))
                .isEqualTo(TestkitCli.USAGE_OR_CONNECTION);
        assertThat(err.toString()).contains("no scenario matches");
    }

    @Test
    void unreadableScenarioFilesAreAUsageError() throws IOException {
        Path broken = Files.writeString(reports.resolve("broken.json"), "{ not json", StandardCharsets.UTF_8);
        assertThat(run(inMemory(), "replay", "--url", URL, "--scenarios", broken.toString()))
                .isEqualTo(TestkitCli.USAGE_OR_CONNECTION);
        assertThat(err.toString()).contains("cannot load the scenarios").contains("broken.json");
    }

    @Test
    void theUsersOwnScenariosRunWithTheCatalogue() throws IOException {
        Path mine = Files.writeString(reports.resolve("mine.json"), """
                {"name": "my-probe", "description": "Test Connection, my way", "dialects": ["default"],
                 "tags": ["mine"], "steps": [{"name": "probe", "method": "GET", "path": "/Users",
                   "query": {"filter": "userName eq \\"nobody\\""}, "expect": {"status": [200]}}]}
                """, StandardCharsets.UTF_8);
        int status = run(inMemory(), "replay", "--url", URL, "--scenarios", mine.toString(), "--tag", "mine",
                "--dialect", "default");
        assertThat(status).as(out + "\n" + err).isEqualTo(TestkitCli.PASSED);
        assertThat(out.toString()).contains("PASS  my-probe [default]  probe  200");
    }

    @Test
    void aPassingLoadRunPrintsLatenciesAndWritesItsReport() throws IOException {
        int status = run(inMemory(), "load", "--url", URL, "--users", "40", "--groups", "3", "--members-per-group",
                "15", "--concurrency", "3", "--member-batch", "4", "--report", reports.toString());
        assertThat(status).as(out + "\n" + err).isEqualTo(TestkitCli.PASSED);
        assertThat(out.toString()).contains("40 users, 3 groups x 15 members (batches of 4), concurrency 3")
                .containsPattern("(?m)^user-lookup +40 +0 ")
                .containsPattern("(?m)^member-add +12 +0 ")
                .contains("p50 ms").contains("p99 ms").contains("x Microsoft's 25 req/s per tenant")
                .contains("End state: 40 users, 3 groups, 45 memberships found: as provisioned").contains("PASSED");
        String json = Files.readString(reports.resolve(LoadCommand.JSON_REPORT));
        assertThat(json).contains("\"passed\" : true").contains("\"p95Millis\"");
        assertNoToken(out.toString() + err + json);
    }

    @Test
    void aLoadRunWhoseRequestsFailExitsWithOne() {
        int status = run(rewriting(response -> response.withStatusAndBody(500, new byte[0]), "PATCH"), "load", "--url",
                URL, "--users", "20", "--groups", "2", "--members-per-group", "5", "--concurrency", "2");
        assertThat(status).isEqualTo(TestkitCli.FAILED);
        assertThat(out.toString()).contains("requests got an unexpected answer").contains("answered 500")
                .contains("FAILED");
    }

    private static void assertNoToken(String text) {
        assertThat(text).doesNotContain(TOKEN);
    }

    /** Rewrites the responses to one method. */
    private static final class RewritingTarget implements Target {
        private final Target delegate;
        private final UnaryOperator<TargetResponse> rewrite;
        private final String method;

        RewritingTarget(Target delegate, UnaryOperator<TargetResponse> rewrite, String method) {
            this.delegate = delegate;
            this.rewrite = rewrite;
            this.method = method;
        }

        @Override
        public TargetResponse send(TargetRequest request) {
            TargetResponse response = delegate.send(request);
            return request.method().equals(method) ? rewrite.apply(response) : response;
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

    /** Refuses every connection, as a stopped server does. */
    private record UnreachableTarget(URI baseUri) implements Target {
        @Override
        public TargetResponse send(TargetRequest request) {
            throw new TargetUnavailableException(request.method() + " " + baseUri + request.path()
                    + " failed: ConnectException: Connection refused", new ConnectException("Connection refused"));
        }

        @Override
        public String describe() {
            return baseUri.toString();
        }
    }
}
