/**
 * A runnable SCIM 2.0 server that embeds scimkit ({@link io.scimkit.examples.ExampleServer}), the
 * embedding sample the README shows ({@link io.scimkit.examples.EmbeddingExample}), and an example
 * custom store for integrators ({@link io.scimkit.examples.store}).
 *
 * <p>May import every scimkit module, the HTTP server and Micrometer; nothing depends on this package.
 */
@NullMarked
package io.scimkit.examples;

import org.jspecify.annotations.NullMarked;
