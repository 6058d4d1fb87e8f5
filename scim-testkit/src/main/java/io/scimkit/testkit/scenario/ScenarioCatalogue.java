package io.scimkit.testkit.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A set of scenarios with unique names: the bundled Entra ID catalogue
 * ({@link #entra()}), the bundled Okta catalogue ({@link #okta()}), both ({@link #bundled()}), the
 * integrator's own files, or any of them together ({@link #plus}).
 *
 * <pre>{@code
 * ScenarioCatalogue catalogue = ScenarioCatalogue.entra().plus(ScenarioCatalogue.fromPath(Path.of("src/test/scim")));
 * List<ScenarioRun> runs = catalogue.runs(ScenarioSelection.all().dialects(Dialect.FLAG));
 * }</pre>
 *
 * @param scenarios the scenarios, in order
 */
public record ScenarioCatalogue(List<Scenario> scenarios) {

    public ScenarioCatalogue {
        scenarios = List.copyOf(scenarios);
        Set<String> names = new HashSet<>();
        for (Scenario scenario : scenarios) {
            if (!names.add(scenario.name())) {
                throw new IllegalArgumentException("two scenarios are named '" + scenario.name() + "' (one from "
                        + scenario.source() + ")");
            }
        }
    }

    /**
     * The bundled catalogue: Entra ID's provisioning sequence end to end (test connection, users,
     * groups and members, updates, disable, delete) in the three dialects, one scenario per quirk of
     * {@code docs/entra-quirks.md} that reaches a server, RFC 7644 negative cases and a concurrency
     * check.
     */
    public static ScenarioCatalogue entra() {
        return new ScenarioCatalogue(ScenarioLoader.fromClasspath(ScenarioCatalogue.class.getClassLoader(),
                ScenarioLoader.ENTRA_INDEX));
    }

    /**
     * The bundled Okta catalogue (dialect {@link Dialect#OKTA}, described in {@code docs/okta.md}):
     * Okta's user provisioning (paged import, {@code userName} lookups without regard to case,
     * create with and without a password, whole-user PUT, deactivation and reactivation by PATCH,
     * 409 and 404 answers) and group push (create, rename, member add/remove, emptying, PUT of the
     * full member list, delete), each with checks of the end state.
     */
    public static ScenarioCatalogue okta() {
        return new ScenarioCatalogue(ScenarioLoader.fromClasspath(ScenarioCatalogue.class.getClassLoader(),
                ScenarioLoader.OKTA_INDEX));
    }

    /** Both bundled catalogues: {@link #entra()} followed by {@link #okta()}. */
    public static ScenarioCatalogue bundled() {
        return entra().plus(okta());
    }

    /**
     * The scenarios of a file or directory, in the format the package documentation describes. A
     * directory with an {@code index.json} ({@code {"scenarios": ["file.json", …]}}) contributes the
     * files it lists, in that order; any other directory every {@code .json} file below it, sorted by
     * path.
     *
     * @throws ScenarioFormatException if a file is malformed or the path does not exist
     * @throws java.io.UncheckedIOException if a file cannot be read
     */
    public static ScenarioCatalogue fromPath(Path path) {
        return new ScenarioCatalogue(ScenarioLoader.fromPath(path));
    }

    /** This catalogue followed by another one's scenarios; names stay unique. */
    public ScenarioCatalogue plus(ScenarioCatalogue other) {
        List<Scenario> all = new ArrayList<>(scenarios);
        all.addAll(other.scenarios);
        return new ScenarioCatalogue(all);
    }

    /** The scenario with this name. */
    public Optional<Scenario> named(String name) {
        return scenarios.stream().filter(scenario -> scenario.name().equals(name)).findFirst();
    }

    /** The runs a selection picks from this catalogue. */
    public List<ScenarioRun> runs(ScenarioSelection selection) {
        return selection.runs(scenarios);
    }
}
