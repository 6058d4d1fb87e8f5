package io.scimkit.testkit.cli;

import io.scimkit.testkit.replay.RecordedExchange;
import io.scimkit.testkit.replay.ReplayListener;
import io.scimkit.testkit.replay.StepResult;
import io.scimkit.testkit.scenario.ScenarioRun;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints one line per replayed step, {@code PASS  entra-user-lifecycle [flag]  create-user  201  12 ms},
 * and under a step that did not pass its first mismatches, indented.
 */
final class StepPrinter implements ReplayListener {
    private static final int MISMATCHES_SHOWN = 3;
    private final PrintWriter out;

    StepPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void stepFinished(ScenarioRun run, StepResult result) {
        out.println(line(run, result));
        if (!result.passed()) {
            result.mismatches().stream().limit(MISMATCHES_SHOWN).forEach(mismatch -> out.println("      - " + mismatch));
            if (result.mismatches().size() > MISMATCHES_SHOWN) {
                out.println("      - … " + (result.mismatches().size() - MISMATCHES_SHOWN) + " more in the report");
            }
        }
        out.flush();
    }

    static String line(ScenarioRun run, StepResult result) {
        return String.format(Locale.ROOT, "%-4s  %s  %s  %s  %d ms", label(result.outcome()), run.displayName(),
                result.name(), status(result), result.elapsed().toMillis());
    }

    static String label(StepResult.Outcome outcome) {
        return switch (outcome) {
            case PASSED -> "PASS";
            case FAILED -> "FAIL";
            case ERROR -> "ERR";
            case SKIPPED -> "SKIP";
        };
    }

    /** The status of the step's first response (a report's response text starts with it), or {@code -}. */
    static String status(StepResult result) {
        if (result.exchanges().isEmpty()) {
            return "-";
        }
        RecordedExchange first = result.exchanges().get(0);
        String response = first.response();
        if (response == null) {
            return "-";
        }
        int end = 0;
        while (end < response.length() && Character.isDigit(response.charAt(end))) {
            end++;
        }
        return end == 0 ? "-" : response.substring(0, end);
    }
}
