package io.scimkit.testkit.scenario;

import java.util.Objects;

/**
 * Stores a value of a step's response body in a variable for later templates, e.g. the
 * {@code id} the service assigned on POST (RFC 7644 §3.3), which Entra caches and uses for every
 * later call.
 *
 * @param variable the variable's name, a template so that repetitions can number it ({@code user{{i}}})
 * @param path a definite JsonPath expression selecting a string, number or boolean
 */
public record Capture(TextTemplate variable, String path) {
    public Capture {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(path, "path");
    }
}
