package io.scimkit.examples.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.examples.ExampleServer;
import io.scimkit.testkit.cli.TargetFactory;
import io.scimkit.testkit.cli.TestkitCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The testkit's command line against the example server: its main class in this JVM, and the
 * shaded {@code scim-testkit.jar} as a separate process exactly as the README runs it. Exit
 * statuses, and the token never in standard output, standard error or report files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestkitCliIT {
    /** Set by the failsafe configuration of this module; {@code mvn verify} packages scim-testkit first. */
    private static final String JAR_PROPERTY = "scimkit.testkit.jar";

    private final String token = QuietServer.newToken();
    private ExampleServer server;

    @BeforeAll
    void start() {
        server = QuietServer.start(token);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theMainClassReplaysTheCatalogueAndExitsZero(@TempDir Path reports) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new TestkitCli(Map.of("SCIM_TOKEN", token), new PrintWriter(out), new PrintWriter(err), false,
                TargetFactory.http()).run("replay", "--url", server.baseUri().toString(), "--report", reports.toString());
        assertThat(status).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("scenario runs passed; steps:").doesNotContain("FAIL  ");
        assertNoToken(out + "\n" + err + "\n" + filesIn(reports));
    }

    @Test
    void theShadedJarReplaysTheCatalogueWithTheTokenFromTheEnvironment(@TempDir Path reports) throws Exception {
        Run run = runJar(Map.of("SCIM_TOKEN", token), "replay", "--url", server.baseUri().toString(), "--dialect",
                "default", "--report", reports.toString());
        assertThat(run.status()).as(run.out() + "\n" + run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^PASS  entra-user-lifecycle \\[default\\]  ")
                .contains("scenario runs passed; steps:");
        assertThat(run.err()).doesNotContain("SLF4J");
        assertThat(reports.resolve("TEST-scim-testkit-replay.xml")).exists();
        assertThat(reports.resolve("scim-testkit-replay.json")).exists();
        assertNoToken(run.out() + "\n" + run.err() + "\n" + filesIn(reports));
    }

    @Test
    void theShadedJarRunsTheLoadModeWithTheTokenAsAnOption(@TempDir Path reports) throws Exception {
        Run run = runJar(Map.of(), "load", "--url", server.baseUri().toString(), "--token", token, "--users", "40",
                "--groups", "2", "--members-per-group", "10", "--concurrency", "2", "--report", reports.toString());
        assertThat(run.status()).as(run.out() + "\n" + run.err()).isZero();
        assertThat(run.out()).contains("End state: 40 users, 2 groups, 20 memberships found: as provisioned")
                .contains("PASSED");
        assertNoToken(run.out() + "\n" + run.err() + "\n" + filesIn(reports));
    }

    @Test
    void theShadedJarExitsWithTwoForAWrongTokenAndForAnUnreachableServer() throws Exception {
        Run wrongToken = runJar(Map.of("SCIM_TOKEN", "not-the-" + token), "replay", "--url", server.baseUri().toString());
        assertThat(wrongToken.status()).isEqualTo(2);
        assertThat(wrongToken.err()).contains("refused the bearer token (HTTP 401)").doesNotContain(token);

        Run unreachable = runJar(Map.of("SCIM_TOKEN", token), "load", "--url", "http://127.0.0.1:9/scim/v2", "--users",
                "5", "--timeout", "5");
        assertThat(unreachable.status()).isEqualTo(2);
        assertThat(unreachable.err()).contains("cannot reach http://127.0.0.1:9/scim/v2");
        assertNoToken(unreachable.out() + unreachable.err());
    }

    @Test
    void theShadedJarPrintsHelpWithoutTheTokenAndExitsTwoOnUsageErrors() throws Exception {
        Run help = runJar(Map.of("SCIM_TOKEN", token), "replay", "--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("--url=URL").contains("SCIM_TOKEN");
        assertNoToken(help.out() + help.err());
        Run usage = runJar(Map.of(), "replay", "--url", server.baseUri().toString(), "--token", token, token);
        assertThat(usage.status()).isEqualTo(2);
        assertNoToken(usage.out() + usage.err());
    }

    private record Run(int status, String out, String err) {
    }

    private static Run runJar(Map<String, String> env, String... args) throws Exception {
        String jar = System.getProperty(JAR_PROPERTY);
        assertThat(jar).as("system property " + JAR_PROPERTY + " (set by failsafe)").isNotNull();
        assertThat(Path.of(jar)).as("the shaded CLI jar; build it with mvn package -pl scim-testkit -am").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("SCIM_TOKEN");
        builder.environment().putAll(env);
        Path out = Files.createTempFile("scim-testkit-out", ".txt");
        Path err = Files.createTempFile("scim-testkit-err", ".txt");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("scim-testkit.jar did not finish within 3 minutes");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String filesIn(Path directory) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
            }
        }
        assertThat(all).as("report files in " + directory).isNotEmpty();
        return all.toString();
    }

    private void assertNoToken(String text) {
        assertThat(text).doesNotContain(token);
    }
}
