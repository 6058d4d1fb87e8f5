/**
 * Attribute paths in SCIM attribute notation (RFC 7644 §3.10): an optional schema URN, an attribute
 * name and an optional sub-attribute name, compared without regard to case. Pure syntax: resolving
 * a path against a schema happens in {@code schema}.
 *
 * <p>May import {@code error}.
 */
@NullMarked
package io.scimkit.core.path;

import org.jspecify.annotations.NullMarked;
