/**
 * A runnable SCIM 2.0 server that embeds scimkit, and an example custom store for integrators.
 *
 * <p>May import every scimkit module; nothing depends on this package.
 */
package io.scimkit.examples;
