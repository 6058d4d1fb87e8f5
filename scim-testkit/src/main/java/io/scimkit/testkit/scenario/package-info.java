/**
 * Scenarios as data: {@link io.scimkit.testkit.scenario.Scenario}s of
 * {@link io.scimkit.testkit.scenario.Step}s read from JSON files (the bundled Entra ID catalogue
 * and the integrator's own), the {@code {{placeholder}}} language of their templates, and the
 * {@link io.scimkit.testkit.scenario.ScenarioSelection} that picks dialects, tags and scenarios.
 *
 * <p>Scenarios describe requests and expected responses only; they never reach a server
 * themselves (the {@code replay} package does, over a {@code target}).
 */
@NullMarked
package io.scimkit.testkit.scenario;

import org.jspecify.annotations.NullMarked;
