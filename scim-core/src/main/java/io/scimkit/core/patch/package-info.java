/**
 * SCIM PATCH (RFC 7644 §3.5.2): the request and its operations as received
 * ({@link io.scimkit.core.patch.PatchRequest}, {@link io.scimkit.core.patch.PatchOperation}), PATCH
 * paths ({@link io.scimkit.core.patch.PatchPath}: {@code attr[filter].sub}), and the engine that
 * applies operations to a resource on the schema-aware value tree.
 *
 * <p>May import {@code error}, {@code value}, {@code path}, {@code schema}, {@code filter} and
 * {@code resource}.
 */
@NullMarked
package io.scimkit.core.patch;

import org.jspecify.annotations.NullMarked;
