package io.scimkit.testkit.cli;

import io.scimkit.testkit.replay.ReplayReport;
import io.scimkit.testkit.replay.Replayer;
import io.scimkit.testkit.replay.StepResult;
import io.scimkit.testkit.scenario.ScenarioCatalogue;
import io.scimkit.testkit.scenario.ScenarioFormatException;
import io.scimkit.testkit.scenario.ScenarioRun;
import io.scimkit.testkit.target.Target;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code replay}: loads the bundled Entra ID and Okta catalogues (plus the user's files), checks that the endpoint answers
 * and accepts the token, replays the selected runs printing one line per step, writes the reports,
 * and returns the exit status.
 */
final class ReplayCommand {
    static final String JUNIT_REPORT = "TEST-scim-testkit-replay.xml";
    static final String JSON_REPORT = "scim-testkit-replay.json";

    private final PrintWriter out;
    private final PrintWriter err;

    ReplayCommand(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    int run(Invocation.Replay replay, Target target) {
        List<ScenarioRun> runs;
        try {
            ScenarioCatalogue catalogue = ScenarioCatalogue.bundled();
            for (Path path : replay.scenarioPaths()) {
                catalogue = catalogue.plus(ScenarioCatalogue.fromPath(path));
            }
            runs = catalogue.runs(replay.selection());
        } catch (ScenarioFormatException | IllegalArgumentException | UncheckedIOException badScenarios) {
            return usage("cannot load the scenarios: " + badScenarios.getMessage());
        }
        if (runs.isEmpty()) {
            return usage("no scenario matches the selection (--scenario, --tag, --exclude-tag, --dialect)");
        }
        String problem = Preflight.check(target);
        if (problem != null) {
            return usage(problem);
        }
        out.println("Replaying " + runs.size() + " scenario runs against " + target.describe());
        out.flush();
        ReplayReport report = Replayer.of(target).withListener(new StepPrinter(out)).run(runs);
        out.println(report.summary());
        for (String line : report.ruleFiringLines()) {
            out.println("dialect rules fired, " + line);
        }
        if (replay.reportDirectory() != null) {
            try {
                Path junit = replay.reportDirectory().resolve(JUNIT_REPORT);
                Path json = replay.reportDirectory().resolve(JSON_REPORT);
                new JUnitXmlReportWriter().write(report, junit);
                new JsonReportWriter().write(report, json);
                out.println("Reports: " + junit + ", " + json);
            } catch (UncheckedIOException cannotWrite) {
                err.println("error: " + cannotWrite.getMessage());
                err.flush();
                out.flush();
                return TestkitCli.USAGE_OR_CONNECTION;
            }
        }
        out.flush();
        if (report.count(StepResult.Outcome.ERROR) > 0) {
            err.println("error: the endpoint stopped answering during the replay (steps marked ERR)");
            err.flush();
            return TestkitCli.USAGE_OR_CONNECTION;
        }
        return report.passed() ? TestkitCli.PASSED : TestkitCli.FAILED;
    }

    private int usage(String message) {
        err.println("error: " + message);
        err.flush();
        return TestkitCli.USAGE_OR_CONNECTION;
    }
}
