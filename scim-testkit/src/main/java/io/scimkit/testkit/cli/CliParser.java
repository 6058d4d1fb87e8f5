package io.scimkit.testkit.cli;

import io.scimkit.testkit.load.LoadPlan;
import io.scimkit.testkit.scenario.Dialect;
import io.scimkit.testkit.scenario.ScenarioSelection;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Parses the command line with picocli's programmatic model (no annotations, no reflection):
 * {@code replay} and {@code load}, their options, and {@code SCIM_TOKEN} as the token when
 * {@code --token} is absent. Parsing is a pure function of the arguments and the environment map;
 * help goes to {@code out}, usage errors to {@code err} (scrubbed of the token), status 2.
 */
final class CliParser {
    /** The option that carries the bearer token. */
    static final String TOKEN_OPTION = "--token";
    /** The environment variable read when {@code --token} is absent. */
    static final String TOKEN_VARIABLE = "SCIM_TOKEN";
    static final String VERSION = "scim-testkit 0.1.0";
    private static final int DEFAULT_TIMEOUT_SECONDS = 60;

    private CliParser() {
    }

    /** Reads the arguments; prints help, version or the usage error itself. */
    static Invocation parse(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(root());
        Redaction redaction = Redaction.of(args, env);
        try {
            ParseResult result = commandLine.parseArgs(args);
            for (CommandLine parsed : result.asCommandLineList()) {
                if (parsed.isUsageHelpRequested()) {
                    parsed.usage(out);
                    out.flush();
                    return new Invocation.Exit(0);
                }
                if (parsed.isVersionHelpRequested()) {
                    parsed.printVersionHelp(out);
                    out.flush();
                    return new Invocation.Exit(0);
                }
            }
            ParseResult sub = result.subcommand();
            if (sub == null) {
                throw new IllegalArgumentException("choose a command: replay or load");
            }
            Connection connection = connection(sub, env);
            Path report = path(sub, "--report");
            return switch (sub.commandSpec().name()) {
                case "replay" -> new Invocation.Replay(connection, selection(sub), paths(sub, "--scenarios"), report);
                default -> new Invocation.Load(connection, plan(sub), report);
            };
        } catch (ParameterException | IllegalArgumentException invalid) {
            err.println("error: " + redaction.scrub(String.valueOf(invalid.getMessage())));
            err.println("Run with --help for the options.");
            err.flush();
            return new Invocation.Exit(2);
        }
    }

    private static Connection connection(ParseResult sub, Map<String, String> env) {
        String url = sub.matchedOptionValue("--url", "");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException malformed) {
            throw new IllegalArgumentException("--url: '" + url + "' is not a URL");
        }
        if (!uri.isAbsolute() || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("--url: '" + url + "' is not an absolute http(s) URL like "
                    + "https://scim.example.com/scim/v2");
        }
        String token = sub.hasMatchedOption(TOKEN_OPTION) ? sub.matchedOptionValue(TOKEN_OPTION, "")
                : env.getOrDefault(TOKEN_VARIABLE, "");
        if (token.isBlank()) {
            throw new IllegalArgumentException("no bearer token: give " + TOKEN_OPTION + " or set " + TOKEN_VARIABLE);
        }
        if (token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("the bearer token is printable ASCII without spaces (RFC 6750 §2.1)");
        }
        int timeout = sub.matchedOptionValue("--timeout", DEFAULT_TIMEOUT_SECONDS);
        if (timeout < 1) {
            throw new IllegalArgumentException("--timeout is at least 1 second");
        }
        return new Connection(uri, token, Duration.ofSeconds(timeout));
    }

    private static ScenarioSelection selection(ParseResult sub) {
        ScenarioSelection selection = ScenarioSelection.all();
        String[] dialects = sub.matchedOptionValue("--dialect", new String[0]);
        if (dialects.length > 0) {
            Set<Dialect> chosen = EnumSet.noneOf(Dialect.class);
            for (String value : dialects) {
                for (String name : value.split(",")) {
                    if (name.strip().equalsIgnoreCase("all")) {
                        chosen.addAll(EnumSet.allOf(Dialect.class));
                    } else {
                        chosen.add(Dialect.named(name));
                    }
                }
            }
            selection = selection.dialects(chosen.toArray(new Dialect[0]));
        }
        selection = selection.scenarios(sub.matchedOptionValue("--scenario", new String[0]));
        selection = selection.tags(sub.matchedOptionValue("--tag", new String[0]));
        return selection.excludingTags(sub.matchedOptionValue("--exclude-tag", new String[0]));
    }

    private static LoadPlan plan(ParseResult sub) {
        int users = sub.matchedOptionValue("--users", 0);
        LoadPlan plan = LoadPlan.of(users, sub.matchedOptionValue("--groups", 0),
                sub.matchedOptionValue("--members-per-group", 0), sub.matchedOptionValue("--concurrency", 4));
        plan = plan.withRate(sub.matchedOptionValue("--rate", 0.0))
                .withMemberBatch(sub.matchedOptionValue("--member-batch", LoadPlan.DEFAULT_MEMBER_BATCH))
                .withFractions(sub.matchedOptionValue("--update-fraction", LoadPlan.DEFAULT_UPDATE_FRACTION),
                        sub.matchedOptionValue("--disable-fraction", LoadPlan.DEFAULT_DISABLE_FRACTION));
        String runId = sub.matchedOptionValue("--run-id", "");
        return runId.isEmpty() ? plan : plan.withRunId(runId.toLowerCase(Locale.ROOT));
    }

    private static @Nullable Path path(ParseResult sub, String option) {
        String value = sub.matchedOptionValue(option, "");
        return value.isBlank() ? null : Path.of(value);
    }

    private static List<Path> paths(ParseResult sub, String option) {
        List<Path> paths = new ArrayList<>();
        for (String value : sub.matchedOptionValue(option, new String[0])) {
            paths.add(Path.of(value));
        }
        return paths;
    }

    private static CommandSpec root() {
        CommandSpec root = CommandSpec.create().name("scim-testkit").mixinStandardHelpOptions(true).version(VERSION);
        root.usageMessage().description(
                "Replays Microsoft Entra ID and Okta provisioning traffic against a SCIM 2.0 endpoint (RFC 7643/7644).",
                "The bearer token comes from --token or the " + TOKEN_VARIABLE + " environment variable.",
                "Exit status: 0 everything passed, 1 failures, 2 usage or connection error.");
        root.addSubcommand("replay", replay());
        root.addSubcommand("load", load());
        return root;
    }

    private static CommandSpec replay() {
        CommandSpec spec = command("replay",
                "Runs the Entra ID and Okta scenario catalogues against the endpoint.",
                "Prints one line per step and a summary; writes a JUnit XML and a JSON report.");
        spec.addOption(repeatable("--dialect", "DIALECT",
                "default, flag (aadOptscim062020), validator (Entra ID), okta, or all; repeatable or comma-separated (all if absent)."));
        spec.addOption(repeatable("--scenario", "NAME", "Only this scenario (a trailing * matches a prefix); repeatable."));
        spec.addOption(repeatable("--tag", "TAG",
                "Only scenarios with this tag, e.g. rfc-negative or quirk:Q4 (see docs/entra-quirks.md); repeatable."));
        spec.addOption(repeatable("--exclude-tag", "TAG", "No scenario with this tag; repeatable."));
        spec.addOption(repeatable("--scenarios", "PATH",
                "Your own scenario file or directory, run with the bundled catalogue; repeatable."));
        spec.addOption(single("--report", "DIR", String.class,
                "Write TEST-scim-testkit-replay.xml (JUnit) and scim-testkit-replay.json here."));
        return spec;
    }

    private static CommandSpec load() {
        CommandSpec spec = command("load",
                "Plays Entra ID provisioning cycles at scale and checks the end state.",
                "Initial cycle: match and create every user, every group, member adds in batches;",
                "incremental cycle: updates and disables. Prints requests per second and",
                "p50/p95/p99 latency per request kind.");
        spec.addOption(required("--users", "N", int.class, "Users to create."));
        spec.addOption(single("--groups", "G", int.class, "Groups to create (default: 0)."));
        spec.addOption(single("--members-per-group", "M", int.class, "Members of each group (default: 0)."));
        spec.addOption(single("--concurrency", "C", int.class, "Parallel workers (default: 4)."));
        spec.addOption(single("--rate", "R", double.class, "At most R requests per second overall (default: no limit)."));
        spec.addOption(single("--member-batch", "B", int.class,
                "Members per add PATCH (default: " + LoadPlan.DEFAULT_MEMBER_BATCH + "; Microsoft documents no size)."));
        spec.addOption(single("--update-fraction", "F", double.class,
                "Share of users updated in the incremental cycle (default: " + LoadPlan.DEFAULT_UPDATE_FRACTION + ")."));
        spec.addOption(single("--disable-fraction", "F", double.class,
                "Share of users disabled in the incremental cycle (default: " + LoadPlan.DEFAULT_DISABLE_FRACTION + ")."));
        spec.addOption(single("--run-id", "ID", String.class,
                "Names this run's users and groups (default: random; names must be new on the server)."));
        spec.addOption(single("--report", "DIR", String.class, "Write scim-testkit-load.json here."));
        return spec;
    }

    private static CommandSpec command(String name, String... description) {
        CommandSpec spec = CommandSpec.create().name(name).mixinStandardHelpOptions(true).version(VERSION);
        spec.usageMessage().description(description);
        spec.addOption(required("--url", "URL", String.class,
                "The SCIM base URL (Entra's Tenant URL), e.g. https://scim.example.com/scim/v2."));
        // No default value on purpose: help never shows a token, not even one from the environment.
        spec.addOption(single(TOKEN_OPTION, "TOKEN", String.class,
                "Bearer token (Entra's Secret Token); else " + TOKEN_VARIABLE + ". Prefer the variable: "
                        + "arguments are visible to other local users."));
        spec.addOption(single("--timeout", "SECONDS", int.class,
                "Seconds to wait for each response (default: " + DEFAULT_TIMEOUT_SECONDS + ")."));
        return spec;
    }

    private static OptionSpec single(String name, String label, Class<?> type, String description) {
        return OptionSpec.builder(name).paramLabel(label).type(type).description(description).build();
    }

    private static OptionSpec required(String name, String label, Class<?> type, String description) {
        return OptionSpec.builder(name).paramLabel(label).type(type).required(true).description(description).build();
    }

    private static OptionSpec repeatable(String name, String label, String description) {
        return OptionSpec.builder(name).paramLabel(label).type(String[].class).arity("1").description(description)
                .build();
    }
}
