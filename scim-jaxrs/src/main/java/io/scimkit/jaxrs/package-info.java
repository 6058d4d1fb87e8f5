/**
 * The Jakarta REST (JAX-RS 4) adapter of scimkit: one catch-all resource, {@link io.scimkit.jaxrs.ScimEndpoint},
 * that turns every request below a configurable base path into a {@code ScimRequest}, lets
 * {@code ScimService} answer it and writes the {@code ScimResponse} back (RFC 7644 §3), plus the
 * authentication hook {@link io.scimkit.jaxrs.ScimAuthenticator} with a ready bearer-token
 * implementation (RFC 6750, RFC 7644 §2).
 *
 * <p>Mounting. Jakarta REST has no portable way to register a resource at a path chosen at run time
 * (a {@code Feature} may register providers, but runtimes differ on resources registered from one).
 * So the resource's own {@code @Path} is a fixed catch-all, and the base path is matched by the
 * resource itself. Two portable ways to mount it:
 * <ul>
 *   <li>standalone: {@link io.scimkit.jaxrs.ScimEndpoint#application()} is an {@code Application}
 *       holding only the endpoint; start it with {@code jakarta.ws.rs.SeBootstrap}, a servlet
 *       container or any runtime's launcher. SCIM is then served at
 *       {@code <application root>/<basePath>}, e.g. {@code http://host:8080/scim/v2}.</li>
 *   <li>inside an existing application: return the endpoint from your {@code Application}'s
 *       {@code getSingletons()} next to your own resources. Resources with a literal {@code @Path}
 *       keep precedence over the catch-all (Jakarta REST §3.7.2 sorts by literal characters); do
 *       not combine it with a resource whose class-level path is {@code "/"}.</li>
 * </ul>
 * Containers that are not Jakarta REST runtimes pass each request to
 * {@link io.scimkit.jaxrs.ScimEndpoint#serve ScimEndpoint.serve} and write its reply themselves.
 *
 * <p>May import {@code jakarta.ws.rs} (provided scope) and {@code io.scimkit.core}; never a JAX-RS
 * implementation such as Jersey or RESTEasy.
 */
@NullMarked
package io.scimkit.jaxrs;

import org.jspecify.annotations.NullMarked;
