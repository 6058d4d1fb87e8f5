package io.scimkit.testkit.replay;

import io.scimkit.testkit.scenario.ScenarioRun;
import io.scimkit.testkit.target.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Replays scenario runs against a target and reports every mismatch (steps go on after a failed
 * one; a step that needs a variable a failed step did not capture is skipped).
 *
 * <pre>{@code
 * Replayer replayer = Replayer.of(HttpTarget.of(URI.create("https://scim.example.com/scim"), token));
 * ReplayReport report = replayer.run(ScenarioCatalogue.entra().runs(ScenarioSelection.all()));
 * assertThat(report.mismatches()).as(report.summary()).isEmpty();
 * }</pre>
 */
public final class Replayer {
    private final Target target;
    private final ReplayOptions options;
    private final ReplayListener listener;

    private Replayer(Target target, ReplayOptions options, ReplayListener listener) {
        this.target = Objects.requireNonNull(target, "target");
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** A replayer with the default options and no listener. */
    public static Replayer of(Target target) {
        return new Replayer(target, ReplayOptions.defaults(), new ReplayListener() { });
    }

    /** A copy with these options. */
    public Replayer withOptions(ReplayOptions value) {
        return new Replayer(target, value, listener);
    }

    /** A copy that tells this listener about each step. */
    public Replayer withListener(ReplayListener value) {
        return new Replayer(target, options, value);
    }

    /** The target replayed against. */
    public Target target() {
        return target;
    }

    /** A run ready to execute step by step (as JUnit dynamic tests do). */
    public ScenarioExecution start(ScenarioRun run) {
        return new ScenarioExecution(run, target, options);
    }

    /**
     * Runs every step of every run, in order, and reports; with a target that shows the service's
     * rule counters, also which rules each dialect's runs made fire (runs are sequential, so the
     * difference of the counters around a run is that run's).
     */
    public ReplayReport run(List<ScenarioRun> runs) {
        Instant started = Instant.now();
        long clock = System.nanoTime();
        List<ScenarioResult> results = new ArrayList<>();
        RuleTally tally = new RuleTally();
        for (ScenarioRun run : runs) {
            Optional<Map<String, Long>> before = target.dialectFirings();
            results.add(run(run));
            tally.add(run.dialect(), before, target.dialectFirings());
        }
        return new ReplayReport(target.describe(), started, Duration.ofNanos(System.nanoTime() - clock), results,
                tally.byDialect());
    }

    /** Runs every step of one run. */
    public ScenarioResult run(ScenarioRun run) {
        listener.scenarioStarted(run);
        ScenarioExecution execution = start(run);
        while (execution.hasNext()) {
            listener.stepFinished(run, execution.runNext());
        }
        ScenarioResult result = execution.result();
        listener.scenarioFinished(run, result);
        return result;
    }
}
