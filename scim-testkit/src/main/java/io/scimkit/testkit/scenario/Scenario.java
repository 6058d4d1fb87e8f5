package io.scimkit.testkit.scenario;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A scenario: an ordered conversation with a SCIM service, taken from what Entra ID provisioning,
 * the SCIM Validator or RFC 7644 clients send, with the responses it
 * expects. Replayed once per dialect; each run has its own variables and unique values, so a
 * scenario can be replayed any number of times against the same server.
 *
 * @param name a unique name, e.g. {@code entra-user-lifecycle}
 * @param description what the scenario proves, with its sources
 * @param dialects the dialects it is replayed in (never empty)
 * @param tags free tags, by convention {@code entra}, {@code validator}, {@code quirk:Q4} (the quirk
 *     ids of {@code docs/entra-quirks.md}),
 *     {@code rfc} (sends only RFC 7644 requests, so a strict server passes it), {@code rfc-negative},
 *     {@code concurrency}
 * @param steps the steps, in order
 * @param source where the scenario was read from (a file or classpath resource), for messages
 */
public record Scenario(String name, String description, Set<Dialect> dialects, Set<String> tags, List<Step> steps,
        String source) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(source, "source");
        dialects = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(dialects, "dialects")));
        tags = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(tags, "tags")));
        steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
        if (name.isBlank()) {
            throw new IllegalArgumentException("a scenario has a name");
        }
        if (dialects.isEmpty()) {
            throw new IllegalArgumentException("scenario '" + name + "' names at least one dialect");
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("scenario '" + name + "' has at least one step");
        }
        for (Step step : steps) {
            for (Dialect dialect : step.dialects()) {
                if (!dialects.contains(dialect)) {
                    throw new IllegalArgumentException("scenario '" + name + "', step '" + step.name()
                            + "': dialect " + dialect + " is not one of the scenario's " + dialects);
                }
            }
        }
    }

    /** The steps of a run in this dialect. */
    public List<Step> stepsFor(Dialect dialect) {
        return steps.stream().filter(step -> step.appliesTo(dialect)).toList();
    }

    /** Whether the scenario has the tag (case-insensitive). */
    public boolean hasTag(String tag) {
        String wanted = tag.toLowerCase(Locale.ROOT);
        return tags.stream().anyMatch(own -> own.toLowerCase(Locale.ROOT).equals(wanted));
    }
}
