/**
 * SCIM resources (RFC 7643 §3): {@link io.scimkit.core.resource.ScimResource}, the schema-driven
 * body of a User, Group or custom resource, with typed views of its common attributes and
 * {@link io.scimkit.core.resource.Meta}; the {@link io.scimkit.core.resource.Projection} of a response
 * ({@code attributes}, {@code excludedAttributes} and the {@code returned} characteristic, RFC 7644
 * §3.9, RFC 7643 §7); and the {@link io.scimkit.core.resource.ResourceValidator}, which checks a
 * resource against its schemas, collecting every problem before it throws the most important.
 *
 * <p>May import {@code error}, {@code value}, {@code path}, {@code schema} (with
 * {@code schema.internal}) and {@code filter}.
 */
@NullMarked
package io.scimkit.core.resource;

import org.jspecify.annotations.NullMarked;
