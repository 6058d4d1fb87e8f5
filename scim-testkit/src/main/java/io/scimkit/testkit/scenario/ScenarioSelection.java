package io.scimkit.testkit.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which scenario runs to replay: the dialects, the tags a scenario must have one of (none: any),
 * the tags it must not have, and the scenario names (none: all). Tag and name patterns match
 * without regard to case and may end in {@code *} ({@code quirk:*}). Immutable; each method
 * returns a narrowed copy.
 *
 * <pre>{@code
 * ScenarioSelection.all().dialects(Dialect.FLAG).tags("quirk:Q4", "rfc-negative") // Q4: docs/entra-quirks.md
 * }</pre>
 *
 * @param dialects the dialects to run in (a scenario runs in those it supports); never empty
 * @param includeTags tag patterns of which a scenario needs one; empty means any scenario
 * @param excludeTags tag patterns of which a scenario must have none
 * @param names scenario name patterns; empty means every scenario
 */
public record ScenarioSelection(Set<Dialect> dialects, Set<String> includeTags, Set<String> excludeTags,
        Set<String> names) {

    public ScenarioSelection {
        dialects = Set.copyOf(Objects.requireNonNull(dialects, "dialects"));
        includeTags = Set.copyOf(Objects.requireNonNull(includeTags, "includeTags"));
        excludeTags = Set.copyOf(Objects.requireNonNull(excludeTags, "excludeTags"));
        names = Set.copyOf(Objects.requireNonNull(names, "names"));
        if (dialects.isEmpty()) {
            throw new IllegalArgumentException("select at least one dialect");
        }
    }

    /** Every scenario in every dialect. */
    public static ScenarioSelection all() {
        return new ScenarioSelection(EnumSet.allOf(Dialect.class), Set.of(), Set.of(), Set.of());
    }

    /** Only these dialects. */
    public ScenarioSelection dialects(Dialect... chosen) {
        return new ScenarioSelection(Set.of(chosen), includeTags, excludeTags, names);
    }

    /** Only scenarios with one of these tags (patterns). */
    public ScenarioSelection tags(String... patterns) {
        return new ScenarioSelection(dialects, union(includeTags, patterns), excludeTags, names);
    }

    /** No scenario with any of these tags (patterns). */
    public ScenarioSelection excludingTags(String... patterns) {
        return new ScenarioSelection(dialects, includeTags, union(excludeTags, patterns), names);
    }

    /** Only the scenarios with these names (patterns). */
    public ScenarioSelection scenarios(String... patterns) {
        return new ScenarioSelection(dialects, includeTags, excludeTags, union(names, patterns));
    }

    /** Whether the scenario is selected (in at least one of its dialects). */
    public boolean selects(Scenario scenario) {
        if (!names.isEmpty() && names.stream().noneMatch(pattern -> matches(pattern, scenario.name()))) {
            return false;
        }
        if (!includeTags.isEmpty() && includeTags.stream().noneMatch(pattern -> hasTag(scenario, pattern))) {
            return false;
        }
        if (excludeTags.stream().anyMatch(pattern -> hasTag(scenario, pattern))) {
            return false;
        }
        return scenario.dialects().stream().anyMatch(dialects::contains);
    }

    /** The selected runs of these scenarios: scenario order, then dialect order. */
    public List<ScenarioRun> runs(Collection<Scenario> scenarios) {
        List<ScenarioRun> runs = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            if (selects(scenario)) {
                for (Dialect dialect : Dialect.values()) {
                    if (dialects.contains(dialect) && scenario.dialects().contains(dialect)) {
                        runs.add(new ScenarioRun(scenario, dialect));
                    }
                }
            }
        }
        return runs;
    }

    private static boolean hasTag(Scenario scenario, String pattern) {
        return scenario.tags().stream().anyMatch(tag -> matches(pattern, tag));
    }

    static boolean matches(String pattern, String value) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String v = value.toLowerCase(Locale.ROOT);
        return p.endsWith("*") ? v.startsWith(p.substring(0, p.length() - 1)) : v.equals(p);
    }

    private static Set<String> union(Set<String> existing, String... more) {
        Set<String> all = new LinkedHashSet<>(existing);
        all.addAll(Arrays.asList(more));
        return all;
    }
}
