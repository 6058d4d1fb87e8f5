/**
 * Framework-free SCIM HTTP semantics (RFC 7644 §3): {@link io.scimkit.core.protocol.ScimRequest}
 * and {@link io.scimkit.core.protocol.ScimResponse} (method, path, query, headers, body bytes or a body
 * streamed from the store), the
 * routing and the endpoint handlers for resources, {@code .search}, {@code /Bulk}, {@code /Me} and
 * the discovery endpoints, ETags and preconditions, {@code Location} and {@code meta}. Every
 * {@code ScimException} becomes an RFC error body here; adapters need no exception mapping. After a
 * store committed a change, the handlers tell the registered
 * {@link io.scimkit.core.event.ProvisioningListener}s.
 *
 * <p>May import every other core package.
 */
@NullMarked
package io.scimkit.core.protocol;

import org.jspecify.annotations.NullMarked;
