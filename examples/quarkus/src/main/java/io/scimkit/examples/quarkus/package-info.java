/**
 * A Quarkus 3 application serving SCIM 2.0 next to its own resource: {@code ScimBeans} produces the
 * stores, the {@code ScimService} and the scim-jaxrs {@code ScimEndpoint} as CDI beans,
 * {@code ScimResource} passes each request under {@code /scim/v2} to that endpoint, and
 * {@code HelloResource} stands for the application's own API. Not published.
 *
 * <p>May import scim-core, scim-jaxrs, the Jakarta REST, CDI and MicroProfile Config APIs, and
 * Quarkus's own annotations.
 */
package io.scimkit.examples.quarkus;
