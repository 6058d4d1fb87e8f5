/**
 * Immutable SCIM attribute values (RFC 7643 §2.3): a sealed family of records, one per attribute
 * data type plus complex, multi-valued and null, with a {@link io.scimkit.core.value.ScimValueVisitor}
 * that the compiler keeps exhaustive.
 *
 * <p>Values keep what a client sent (lexical dateTime and binary text, decimal scale, member order)
 * so that a resource reads back exactly as it was written. May import {@code error}.
 */
@NullMarked
package io.scimkit.core.value;

import org.jspecify.annotations.NullMarked;
