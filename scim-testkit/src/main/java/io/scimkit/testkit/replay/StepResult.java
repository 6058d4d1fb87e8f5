package io.scimkit.testkit.replay;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one step of a scenario run.
 *
 * @param name the step's name
 * @param outcome passed, failed (a response did not meet its expectation), error (no response:
 *     the target was unavailable) or skipped (a variable it needs was never captured)
 * @param expected the expectation in words
 * @param mismatches every way the responses differed from the expectation (empty when passed)
 * @param exchanges the requests and responses, trimmed
 * @param elapsed how long the step took, checks included
 */
public record StepResult(String name, Outcome outcome, String expected, List<String> mismatches,
        List<RecordedExchange> exchanges, Duration elapsed) {

    /** What became of a step. */
    public enum Outcome {
        PASSED, FAILED, ERROR, SKIPPED
    }

    public StepResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(elapsed, "elapsed");
        mismatches = List.copyOf(mismatches);
        exchanges = List.copyOf(exchanges);
    }

    /** Whether the step passed. */
    public boolean passed() {
        return outcome == Outcome.PASSED;
    }

    /** A multi-line account of the step for failure messages: mismatches, expectation, exchanges. */
    public String describe() {
        StringBuilder text = new StringBuilder("step '").append(name).append("' ")
                .append(outcome.name().toLowerCase(java.util.Locale.ROOT));
        for (String mismatch : mismatches) {
            text.append("\n  - ").append(mismatch);
        }
        text.append("\nexpected: ").append(expected);
        for (RecordedExchange exchange : exchanges) {
            text.append("\nrequest:\n").append(indent(exchange.request()));
            text.append("\nresponse:\n").append(exchange.response() == null ? "  (none)" : indent(exchange.response()));
        }
        return text.toString();
    }

    private static String indent(String block) {
        return "  " + block.replace("\n", "\n  ");
    }
}
