/**
 * SCIM PATCH (RFC 7644 §3.5.2): the request and its operations as received
 * ({@link io.scimkit.core.patch.PatchRequest}, {@link io.scimkit.core.patch.PatchOperation}), PATCH
 * paths ({@link io.scimkit.core.patch.PatchPath}: {@code attr[filter].sub}), the engine that
 * applies operations to a resource on the schema-aware value tree
 * ({@link io.scimkit.core.patch.PatchEngine}, tuned by {@link io.scimkit.core.patch.PatchSettings}),
 * and PUT's attribute-by-attribute replace ({@link io.scimkit.core.patch.ResourceReplacer},
 * RFC 7644 §3.5.1).
 *
 * <p>May import {@code error}, {@code value}, {@code path}, {@code schema}, {@code filter} and
 * {@code resource}.
 */
@NullMarked
package io.scimkit.core.patch;

import org.jspecify.annotations.NullMarked;
