/**
 * The entry point of scimkit: {@link io.scimkit.core.ScimService}, a SCIM 2.0 service provider
 * (RFC 7643, RFC 7644, RFC 9865) assembled once by its builder, immutable and thread-safe.
 *
 * <p>May import every {@code io.scimkit.core} package; nothing in core imports this package.
 */
@NullMarked
package io.scimkit.core;

import org.jspecify.annotations.NullMarked;
