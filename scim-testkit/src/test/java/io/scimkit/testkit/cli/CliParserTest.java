package io.scimkit.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.testkit.load.LoadPlan;
import io.scimkit.testkit.scenario.Dialect;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line's parsing: options, the token's sources, and usage errors (status 2); no network. */
class CliParserTest {
    private static final String TOKEN = "tok-9f8e7d6c5b4a39281706";
    private static final String URL = "http://127.0.0.1:8080/scim/v2";
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private Invocation parse(Map<String, String> env, String... args) {
        return CliParser.parse(args, env, new PrintWriter(out), new PrintWriter(err));
    }

    private int exitStatus(Map<String, String> env, String... args) {
        Invocation invocation = parse(env, args);
        assertThat(invocation).isInstanceOf(Invocation.Exit.class);
        return ((Invocation.Exit) invocation).status();
    }

    @Test
    void replayReadsEveryOption() {
        Invocation invocation = parse(Map.of(), "replay", "--url", URL, "--token", TOKEN, "--dialect", "flag",
                "--scenario", "entra-user-lifecycle", "--scenario", "q04-*", "--tag", "quirk:Q4", "--exclude-tag",
                "slow", "--scenarios", "my-scenarios", "--report", "build/scim", "--timeout", "5");
        assertThat(invocation).as(err.toString()).isInstanceOf(Invocation.Replay.class);
        Invocation.Replay replay = (Invocation.Replay) invocation;
        assertThat(replay.connection()).isEqualTo(new Connection(URI.create(URL), TOKEN, Duration.ofSeconds(5)));
        assertThat(replay.selection().dialects()).containsExactly(Dialect.FLAG);
        assertThat(replay.selection().names()).containsExactlyInAnyOrder("entra-user-lifecycle", "q04-*");
        assertThat(replay.selection().includeTags()).containsExactly("quirk:Q4");
        assertThat(replay.selection().excludeTags()).containsExactly("slow");
        assertThat(replay.scenarioPaths()).containsExactly(Path.of("my-scenarios"));
        assertThat(replay.reportDirectory()).isEqualTo(Path.of("build/scim"));
    }

    @ParameterizedTest(name = "--dialect {0}")
    @CsvSource(delimiter = ';', value = {
        "all;               DEFAULT FLAG VALIDATOR OKTA",
        "okta;              OKTA",
        "flag,OKTA;         FLAG OKTA",
        "default;           DEFAULT",
        "validator,flag;    FLAG VALIDATOR",
        "aadOptscim062020;  FLAG",
        "ALL;               DEFAULT FLAG VALIDATOR OKTA"})
    void dialectsAreNamedOrAll(String value, String expected) {
        Invocation.Replay replay = (Invocation.Replay) parse(Map.of(), "replay", "--url", URL, "--token", TOKEN,
                "--dialect", value);
        assertThat(replay.selection().dialects()).containsExactlyInAnyOrderElementsOf(
                Set.of(expected.split(" ")).stream().map(Dialect::valueOf).toList());
    }

    @Test
    void withoutDialectEveryDialectRuns() {
        Invocation.Replay replay = (Invocation.Replay) parse(Map.of(), "replay", "--url", URL, "--token", TOKEN);
        assertThat(replay.selection().dialects()).containsExactlyInAnyOrder(Dialect.values());
        assertThat(replay.reportDirectory()).isNull();
        assertThat(replay.connection().timeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void theTokenComesFromScimTokenWhenTheOptionIsAbsent() {
        Invocation.Replay replay = (Invocation.Replay) parse(Map.of("SCIM_TOKEN", TOKEN), "replay", "--url", URL);
        assertThat(replay.connection().token()).isEqualTo(TOKEN);
        Invocation.Replay overridden = (Invocation.Replay) parse(Map.of("SCIM_TOKEN", TOKEN), "replay", "--url", URL,
                "--token", "other-token-value");
        assertThat(overridden.connection().token()).isEqualTo("other-token-value");
    }

    @Test
    void loadReadsEveryOption() {
        Invocation invocation = parse(Map.of("SCIM_TOKEN", TOKEN), "load", "--url", URL, "--users", "300", "--groups",
                "5", "--members-per-group", "20", "--concurrency", "4", "--rate", "25", "--member-batch", "7",
                "--update-fraction", "0.5", "--disable-fraction", "0.25", "--run-id", "Nightly-1", "--report", "out");
        assertThat(invocation).as(err.toString()).isInstanceOf(Invocation.Load.class);
        Invocation.Load load = (Invocation.Load) invocation;
        assertThat(load.plan()).isEqualTo(new LoadPlan(300, 5, 20, 4, 25.0, 7, 0.5, 0.25, "nightly-1"));
        assertThat(load.reportDirectory()).isEqualTo(Path.of("out"));
    }

    @Test
    void loadDefaultsToNoGroupsFourWorkersNoRateLimitAndAFreshRunId() {
        Invocation.Load first = (Invocation.Load) parse(Map.of("SCIM_TOKEN", TOKEN), "load", "--url", URL, "--users", "10");
        Invocation.Load second = (Invocation.Load) parse(Map.of("SCIM_TOKEN", TOKEN), "load", "--url", URL, "--users", "10");
        assertThat(first.plan().groups()).isZero();
        assertThat(first.plan().concurrency()).isEqualTo(4);
        assertThat(first.plan().rate()).isZero();
        assertThat(first.plan().memberBatch()).isEqualTo(LoadPlan.DEFAULT_MEMBER_BATCH);
        assertThat(first.plan().runId()).isNotEqualTo(second.plan().runId());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "no command;                   ''",
        "unknown command;              verify --url " + URL,
        "no url;                       replay",
        "relative url;                 replay --url /scim/v2",
        "ftp url;                      replay --url ftp://example.com/scim",
        "unknown option;               replay --url " + URL + " --colour",
        "unknown dialect;              replay --url " + URL + " --dialect azure",
        "timeout zero;                 replay --url " + URL + " --timeout 0",
        "users missing;                load --url " + URL,
        "users not a number;           load --url " + URL + " --users many",
        "more members than users;      load --url " + URL + " --users 5 --groups 1 --members-per-group 6",
        "no workers;                   load --url " + URL + " --users 5 --concurrency 0",
        "negative rate;                load --url " + URL + " --users 5 --rate -1",
        "fraction above one;           load --url " + URL + " --users 5 --update-fraction 1.5",
        "bad run id;                   load --url " + URL + " --users 5 --run-id a/b"})
    void usageErrorsExitWithTwo(String what, String line) {
        String[] args = line.isBlank() ? new String[0] : line.split(" ");
        assertThat(exitStatus(Map.of("SCIM_TOKEN", TOKEN), args)).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: ").contains("--help");
        assertThat(err.toString()).doesNotContain(TOKEN);
    }

    @Test
    void aMissingTokenIsAUsageErrorNamingBothSources() {
        assertThat(exitStatus(Map.of(), "replay", "--url", URL)).isEqualTo(2);
        assertThat(err.toString()).contains("--token").contains("SCIM_TOKEN");
    }

    @Test
    void aTokenWithSpacesIsRefusedWithoutBeingQuoted() {
        assertThat(exitStatus(Map.of(), "replay", "--url", URL, "--token", "my secret")).isEqualTo(2);
        assertThat(err.toString()).doesNotContain("my secret");
    }

    @Test
    void usageErrorsThatQuoteArgumentsNeverShowTheToken() {
        // picocli quotes unmatched arguments; a token pasted twice must still not appear.
        assertThat(exitStatus(Map.of(), "replay", "--url", URL, "--token", TOKEN, TOKEN)).isEqualTo(2);
        assertThat(err.toString()).contains(Redaction.MASK).doesNotContain(TOKEN);
        StringWriter secondErr = new StringWriter();
        CliParser.parse(new String[] {"load", "--url", URL, "--users", TOKEN}, Map.of("SCIM_TOKEN", TOKEN),
                new PrintWriter(out), new PrintWriter(secondErr));
        assertThat(secondErr.toString()).startsWith("error: ").doesNotContain(TOKEN);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"--help", "replay --help", "load --help", "replay -h"})
    void helpExitsWithZeroAndNeverShowsTheToken(String line) {
        assertThat(exitStatus(Map.of("SCIM_TOKEN", TOKEN), line.split(" "))).isZero();
        assertThat(out.toString()).startsWith("Usage: scim-testkit").contains("SCIM_TOKEN").doesNotContain(TOKEN);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void versionExitsWithZero() {
        assertThat(exitStatus(Map.of(), "--version")).isZero();
        assertThat(out.toString()).contains("scim-testkit");
    }

    @Test
    void connectionToStringHidesTheToken() {
        assertThat(new Connection(URI.create(URL), TOKEN, Duration.ofSeconds(1)).toString()).doesNotContain(TOKEN)
                .contains(URL);
    }
}
