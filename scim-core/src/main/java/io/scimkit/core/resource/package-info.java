/**
 * SCIM resources (RFC 7643 §3): {@link io.scimkit.core.resource.ScimResource}, the schema-driven
 * body of a User, Group or custom resource, with typed views of its common attributes and
 * {@link io.scimkit.core.resource.Meta}. Projection and validation join this package later.
 *
 * <p>May import {@code error}, {@code value}, {@code path}, {@code schema} and {@code filter}.
 */
@NullMarked
package io.scimkit.core.resource;

import org.jspecify.annotations.NullMarked;
