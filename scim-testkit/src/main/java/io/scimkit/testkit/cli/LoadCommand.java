package io.scimkit.testkit.cli;

import io.scimkit.testkit.load.LoadReport;
import io.scimkit.testkit.load.LoadRunner;
import io.scimkit.testkit.target.Target;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * {@code load}: checks that the endpoint answers and accepts the token, runs the plan with a
 * progress display, prints throughput and latencies, writes the JSON report, and returns the exit
 * status (a failed end-state check is 1, an endpoint that stops answering is 2).
 */
final class LoadCommand {
    static final String JSON_REPORT = "scim-testkit-load.json";

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;

    LoadCommand(PrintWriter out, PrintWriter err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    int run(Invocation.Load load, Target target) {
        String problem = Preflight.check(target);
        if (problem != null) {
            err.println("error: " + problem);
            err.flush();
            return TestkitCli.USAGE_OR_CONNECTION;
        }
        out.println(LoadSummary.plan(load.plan(), target.describe()));
        out.flush();
        LoadReport report;
        try (ProgressPrinter progress = new ProgressPrinter(out, terminal)) {
            report = LoadRunner.of(target).withListener(progress).run(load.plan());
        }
        synchronized (out) {
            LoadSummary.lines(report).forEach(out::println);
            out.flush();
        }
        if (load.reportDirectory() != null) {
            Path file = load.reportDirectory().resolve(JSON_REPORT);
            try {
                new LoadReportWriter().write(report, file);
                out.println("Report: " + file);
                out.flush();
            } catch (UncheckedIOException cannotWrite) {
                err.println("error: " + cannotWrite.getMessage());
                err.flush();
                return TestkitCli.USAGE_OR_CONNECTION;
            }
        }
        if (report.unavailable() != null) {
            err.println("error: the endpoint stopped answering: " + report.unavailable());
            err.flush();
            return TestkitCli.USAGE_OR_CONNECTION;
        }
        return report.passed() ? TestkitCli.PASSED : TestkitCli.FAILED;
    }
}
