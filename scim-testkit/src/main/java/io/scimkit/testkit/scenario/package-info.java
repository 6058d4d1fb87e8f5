/**
 * Scenarios as data: {@link io.scimkit.testkit.scenario.Scenario}s of
 * {@link io.scimkit.testkit.scenario.Step}s read from JSON files (the bundled Entra ID catalogue
 * and the integrator's own), the {@code {{placeholder}}} language of their templates, and the
 * {@link io.scimkit.testkit.scenario.ScenarioSelection} that picks dialects, tags and scenarios.
 *
 * <p>Scenarios describe requests and expected responses only; they never reach a server
 * themselves (the {@code replay} package does, over a {@code target}).
 *
 * <p>A scenario file ({@link io.scimkit.testkit.scenario.ScenarioCatalogue#fromPath}; see the
 * bundled catalogue for examples) has this shape:
 *
 * <pre>{@code
 * { "name": "…", "description": "…", "dialects": ["default", "flag", "validator"], "tags": ["entra"],
 *   "steps": [ { "name": "create", "dialects": ["default"], "method": "POST", "path": "/Users",
 *                "query": {"filter": "userName eq \"{{unique:alice}}\""}, "headers": {},
 *                "body": {…} | "rawBody": "…", "credentials": "valid|wrong|none",
 *                "repeat": 1, "parallel": false, "capture": {"userId": "$.id"},
 *                "expect": { "status": [201], "contentType": "application/scim+json",
 *                            "because": "…", "assertions": [ {"path": "$.id", "exists": true} ] },
 *                "checks": [ { "path": "/Users/{{userId}}", "expect": {…} } ] } ] }
 * }</pre>
 *
 * Assertion keys: {@code equals}, {@code exists}, {@code absent}, {@code size}, {@code matches},
 * {@code contains}, {@code notContains}, each with an optional {@code because}. Unknown keys are
 * errors (a typo must not silently drop a check); keys starting with {@code _} are comments.
 */
@NullMarked
package io.scimkit.testkit.scenario;

import org.jspecify.annotations.NullMarked;
