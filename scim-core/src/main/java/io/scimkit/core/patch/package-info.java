/**
 * SCIM PATCH (RFC 7644 §3.5.2): the request and its operations as received
 * ({@link io.scimkit.core.patch.PatchRequest}, {@link io.scimkit.core.patch.PatchOperation}), PATCH
 * paths ({@link io.scimkit.core.patch.PatchPath}: {@code attr[filter].sub}), the engine that
 * applies operations to a resource on the schema-aware value tree
 * ({@link io.scimkit.core.patch.PatchEngine}, tuned by {@link io.scimkit.core.patch.PatchSettings}).
 * PUT's attribute-by-attribute replace (RFC 7644 §3.5.1) and the value-tree helpers the engine
 * shares with it are in {@code patch.internal}, which is not API.
 *
 * <p>May import {@code error}, {@code value}, {@code path}, {@code schema} (with
 * {@code schema.internal}), {@code filter}, {@code resource} and {@code patch.internal}.
 */
@NullMarked
package io.scimkit.core.patch;

import org.jspecify.annotations.NullMarked;
