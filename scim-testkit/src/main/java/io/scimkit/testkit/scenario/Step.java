package io.scimkit.testkit.scenario;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One step of a scenario: a request, what its response must be, the values to capture from it,
 * and end-state checks to run afterwards. A step can be limited to some dialects (the same flow
 * sends differently shaped PATCHes with and without {@code aadOptscim062020}). A step with
 * {@code repeat > 1} is sent that many times, with {@code {{i}}} = 0, 1, …; with {@code parallel}
 * the repetitions are sent concurrently (Entra sends many member PATCHes to one group at once in
 * an initial cycle), and the checks run once after all of them.
 *
 * @param name the step's name, shown as the test name
 * @param dialects the dialects the step belongs to; empty means every dialect of its scenario
 * @param request the request
 * @param repeat how many times to send it (at least 1)
 * @param parallel whether the repetitions are sent concurrently
 * @param captures values to store from the (last successful) response
 * @param expect what every response must be
 * @param checks follow-up requests and their expectations
 */
public record Step(String name, Set<Dialect> dialects, RequestTemplate request, int repeat, boolean parallel,
        List<Capture> captures, Expectation expect, List<Check> checks) {

    public Step {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(expect, "expect");
        dialects = Set.copyOf(Objects.requireNonNull(dialects, "dialects"));
        captures = List.copyOf(Objects.requireNonNull(captures, "captures"));
        checks = List.copyOf(Objects.requireNonNull(checks, "checks"));
        if (name.isBlank()) {
            throw new IllegalArgumentException("a step has a name");
        }
        if (repeat < 1) {
            throw new IllegalArgumentException("step '" + name + "': repeat is at least 1");
        }
        if (parallel && repeat < 2) {
            throw new IllegalArgumentException("step '" + name + "': parallel needs repeat of at least 2");
        }
    }

    /** Whether the step is part of a run in this dialect. */
    public boolean appliesTo(Dialect dialect) {
        return dialects.isEmpty() || dialects.contains(dialect);
    }
}
