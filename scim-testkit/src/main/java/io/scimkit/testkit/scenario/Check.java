package io.scimkit.testkit.scenario;

import java.util.Objects;

/**
 * An end-state check: a follow-up request (usually a GET of the resource just changed) sent after
 * the step, whose response must meet its expectation. This is how a scenario proves that a PATCH
 * answered with 204 really did what Entra meant (Entra never reads members back, so a wrong
 * member removal would go unnoticed otherwise).
 *
 * @param request the follow-up request
 * @param expect what its response must be
 */
public record Check(RequestTemplate request, Expectation expect) {
    public Check {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(expect, "expect");
    }
}
