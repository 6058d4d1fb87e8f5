package io.scimkit.testkit.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimkit.testkit.scenario.Capture;
import io.scimkit.testkit.scenario.Check;
import io.scimkit.testkit.scenario.Placeholders;
import io.scimkit.testkit.scenario.ScenarioRun;
import io.scimkit.testkit.scenario.ScenarioVariables;
import io.scimkit.testkit.scenario.Step;
import io.scimkit.testkit.scenario.UnresolvedPlaceholderException;
import io.scimkit.testkit.target.Target;
import io.scimkit.testkit.target.TargetRequest;
import io.scimkit.testkit.target.TargetResponse;
import io.scimkit.testkit.target.TargetUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One scenario run in progress: its variables and the results so far. Steps run strictly in
 * order ({@link #runNext()}), so a JUnit dynamic test per step and a CLI loop drive it the same
 * way. Not thread-safe (a parallel step uses threads internally).
 */
public final class ScenarioExecution {
    private static final int RECORDED_REPETITIONS = 2;
    /** Only stops a deadlocked target from hanging the run; targets have their own timeouts. */
    private static final long PARALLEL_GUARD_MINUTES = 10;

    private final ScenarioRun run;
    private final List<Step> steps;
    private final Target target;
    private final RequestRenderer renderer;
    private final Trimmer trimmer;
    private final ScenarioVariables variables;
    private final List<StepResult> results = new ArrayList<>();

    ScenarioExecution(ScenarioRun run, Target target, ReplayOptions options) {
        this.run = run;
        this.steps = run.steps();
        this.target = target;
        this.renderer = new RequestRenderer(options);
        this.trimmer = new Trimmer(options.trimLength());
        this.variables = ScenarioVariables.create();
        variables.put("baseUrl", stripSlash(target.baseUri().toString()));
    }

    /** The run being executed. */
    public ScenarioRun run() {
        return run;
    }

    /** The steps of the run, in order. */
    public List<Step> steps() {
        return steps;
    }

    /** Whether a step remains. */
    public boolean hasNext() {
        return results.size() < steps.size();
    }

    /** Runs the next step and returns its result. */
    public StepResult runNext() {
        if (!hasNext()) {
            throw new IllegalStateException("all " + steps.size() + " steps of " + run.displayName() + " have run");
        }
        StepResult result = execute(steps.get(results.size()));
        results.add(result);
        return result;
    }

    /** The results so far, in order. */
    public List<StepResult> results() {
        return List.copyOf(results);
    }

    /** The result of the run (of the steps run so far). */
    public ScenarioResult result() {
        return new ScenarioResult(run.scenario().name(), run.dialect(), run.scenario().description(),
                run.scenario().tags(), results);
    }

    private StepResult execute(Step step) {
        long started = System.nanoTime();
        String expected = step.expect().describe();
        List<TargetRequest> requests = new ArrayList<>();
        try {
            for (int i = 0; i < step.repeat(); i++) {
                requests.add(renderer.render(step.request(), placeholders(step, i), run.dialect()));
            }
        } catch (UnresolvedPlaceholderException missing) {
            return new StepResult(step.name(), StepResult.Outcome.SKIPPED, expected,
                    List.of("not sent: " + missing.getMessage() + " (did an earlier step fail?)"), List.of(),
                    since(started));
        }
        List<String> mismatches = new ArrayList<>();
        List<RecordedExchange> exchanges = new ArrayList<>();
        List<TargetResponse> responses;
        try {
            responses = step.parallel() ? sendConcurrently(requests) : sendInOrder(requests);
        } catch (TargetUnavailableException unavailable) {
            return new StepResult(step.name(), StepResult.Outcome.ERROR, expected, List.of(unavailable.getMessage()),
                    List.of(new RecordedExchange(trimmer.request(requests.get(0)), null)), since(started));
        }
        for (int i = 0; i < responses.size(); i++) {
            Placeholders placeholders = placeholders(step, i);
            TargetResponse response = responses.get(i);
            List<String> problems = ResponseVerifier.verify(step.expect(), response, placeholders);
            String prefix = step.repeat() > 1 ? "repetition " + i + ": " : "";
            problems.forEach(problem -> mismatches.add(prefix + problem));
            if (problems.isEmpty()) {
                capture(step, placeholders, response, prefix, mismatches);
            }
            if (i < RECORDED_REPETITIONS || !problems.isEmpty() && exchanges.size() < RECORDED_REPETITIONS + 2) {
                exchanges.add(new RecordedExchange(trimmer.request(requests.get(i)), trimmer.response(response)));
            }
        }
        StepResult.Outcome outcome = runChecks(step, mismatches, exchanges);
        if (outcome == StepResult.Outcome.PASSED && !mismatches.isEmpty()) {
            outcome = StepResult.Outcome.FAILED;
        }
        return new StepResult(step.name(), outcome, describeExpected(step), mismatches, exchanges, since(started));
    }

    private StepResult.Outcome runChecks(Step step, List<String> mismatches, List<RecordedExchange> exchanges) {
        for (Check check : step.checks()) {
            TargetRequest request;
            try {
                request = renderer.render(check.request(), variables, run.dialect());
            } catch (UnresolvedPlaceholderException missing) {
                mismatches.add("check not sent: " + missing.getMessage());
                continue;
            }
            TargetResponse response;
            try {
                response = target.send(request);
            } catch (TargetUnavailableException unavailable) {
                mismatches.add("check " + request.method() + " " + request.path() + ": " + unavailable.getMessage());
                exchanges.add(new RecordedExchange(trimmer.request(request), null));
                return StepResult.Outcome.ERROR;
            }
            List<String> problems = ResponseVerifier.verify(check.expect(), response, variables);
            problems.forEach(problem -> mismatches.add("end state (" + request.method() + " " + request.path() + "): "
                    + problem));
            exchanges.add(new RecordedExchange(trimmer.request(request), trimmer.response(response)));
        }
        return StepResult.Outcome.PASSED;
    }

    private void capture(Step step, Placeholders placeholders, TargetResponse response, String prefix,
            List<String> mismatches) {
        if (step.captures().isEmpty()) {
            return;
        }
        Optional<JsonNode> body = ResponseVerifier.body(response);
        for (Capture capture : step.captures()) {
            String name = capture.variable().render(placeholders);
            Optional<String> value = body.flatMap(json -> ResponseVerifier.scalar(json, capture.path()));
            if (value.isPresent()) {
                variables.put(name, value.get());
            } else {
                mismatches.add(prefix + "capture " + name + ": " + capture.path() + " is not in the response");
            }
        }
    }

    private Placeholders placeholders(Step step, int repetition) {
        return step.repeat() > 1 ? variables.repetition(repetition) : variables;
    }

    private List<TargetResponse> sendInOrder(List<TargetRequest> requests) {
        List<TargetResponse> responses = new ArrayList<>();
        for (TargetRequest request : requests) {
            responses.add(target.send(request));
        }
        return responses;
    }

    /** Starts all requests together (one thread each, released by one latch) and waits for every response. */
    private List<TargetResponse> sendConcurrently(List<TargetRequest> requests) {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<TargetResponse>> futures = new ArrayList<>();
            for (TargetRequest request : requests) {
                Callable<TargetResponse> send = () -> {
                    start.await();
                    return target.send(request);
                };
                futures.add(pool.submit(send));
            }
            start.countDown();
            List<TargetResponse> responses = new ArrayList<>();
            for (Future<TargetResponse> future : futures) {
                responses.add(await(future));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static TargetResponse await(Future<TargetResponse> future) {
        try {
            return future.get(PARALLEL_GUARD_MINUTES, TimeUnit.MINUTES);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (TimeoutException hung) {
            throw new TargetUnavailableException("no response within " + PARALLEL_GUARD_MINUTES + " minutes", hung);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new TargetUnavailableException("interrupted while waiting for parallel requests", interrupted);
        }
    }

    private static String describeExpected(Step step) {
        StringBuilder text = new StringBuilder(step.expect().describe());
        for (Check check : step.checks()) {
            text.append("; then ").append(check.request().method()).append(' ').append(check.request().path())
                    .append(": ").append(check.expect().describe());
        }
        return text.toString();
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static String stripSlash(String url) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
