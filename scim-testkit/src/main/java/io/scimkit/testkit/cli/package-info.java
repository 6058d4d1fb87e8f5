/**
 * The testkit's command line ({@code java -jar scim-testkit.jar replay|load …}), built with
 * picocli's programmatic API: {@code replay} runs the scenario catalogue against a SCIM endpoint
 * over HTTP and writes JUnit XML and JSON reports; {@code load} runs the load mode. Exit status 0
 * when everything passed, 1 on failures, 2 on usage or connection errors.
 *
 * <p>The bearer token comes from {@code --token} or {@code SCIM_TOKEN} and never appears in
 * output, reports, help text or error messages.
 */
@NullMarked
package io.scimkit.testkit.cli;

import org.jspecify.annotations.NullMarked;
