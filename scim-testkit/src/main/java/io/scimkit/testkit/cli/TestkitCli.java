package io.scimkit.testkit.cli;

import io.scimkit.testkit.target.Target;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.Objects;

/**
 * The testkit's command line, the main class of {@code scim-testkit.jar}:
 *
 * <pre>
 * java -jar scim-testkit.jar replay --url URL [--token T] [--dialect default|flag|validator|all]
 *     [--scenario NAME …] [--tag TAG …] [--scenarios DIR] [--report DIR]
 * java -jar scim-testkit.jar load --url URL [--token T] --users N --groups G --members-per-group M
 *     --concurrency C [--rate R] [--report DIR]
 * </pre>
 *
 * Exit status {@value #PASSED} when everything passed, {@value #FAILED} on failures,
 * {@value #USAGE_OR_CONNECTION} on usage or connection errors. The token (from {@code --token} or
 * {@code SCIM_TOKEN}) is never printed.
 */
public final class TestkitCli {
    /** Every step passed, or the load run's end state is exactly what it provisioned. */
    public static final int PASSED = 0;
    /** A step failed, or a load request got an unexpected answer or the end state differs. */
    public static final int FAILED = 1;
    /** Wrong arguments, unreadable scenarios, or the endpoint unreachable or refusing the token. */
    public static final int USAGE_OR_CONNECTION = 2;

    private final Map<String, String> env;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private final TargetFactory targets;

    /**
     * A command line with its own environment and streams.
     *
     * @param terminal whether {@code out} is a terminal (a progress bar instead of periodic lines)
     */
    public TestkitCli(Map<String, String> env, PrintWriter out, PrintWriter err, boolean terminal, TargetFactory targets) {
        this.env = Map.copyOf(env);
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.terminal = terminal;
        this.targets = Objects.requireNonNull(targets, "targets");
    }

    /** Runs the command line and exits the JVM with its status. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, Charset.defaultCharset());
        PrintWriter err = new PrintWriter(System.err, true, Charset.defaultCharset());
        int status = new TestkitCli(System.getenv(), out, err, System.console() != null, TargetFactory.http()).run(args);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Parses and runs the arguments; returns the exit status. */
    public int run(String... args) {
        Invocation invocation = CliParser.parse(args, env, out, err);
        if (invocation instanceof Invocation.Exit exit) {
            return exit.status();
        }
        Redaction redaction = Redaction.of(args, env);
        try {
            if (invocation instanceof Invocation.Replay replay) {
                return new ReplayCommand(out, err).run(replay, open(replay.connection()));
            }
            Invocation.Load load = (Invocation.Load) invocation;
            return new LoadCommand(out, err, terminal).run(load, open(load.connection()));
        } catch (RuntimeException unexpected) {
            // Whatever went wrong, its message must not leak the token.
            err.println("error: " + redaction.scrub(unexpected.getClass().getSimpleName() + ": "
                    + unexpected.getMessage()));
            err.flush();
            return USAGE_OR_CONNECTION;
        }
    }

    private Target open(Connection connection) {
        return targets.open(connection);
    }
}
