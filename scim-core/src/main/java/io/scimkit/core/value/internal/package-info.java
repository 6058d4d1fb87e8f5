/**
 * Implementation of the value layer, not API: {@link io.scimkit.core.value.internal.StorableText},
 * the rule on which characters a SCIM string (RFC 7643 §2.3.1) may carry, shared by the JSON
 * decoder, the filter parser and the protocol layer. Its types may change in any release.
 *
 * <p>May import {@code error} and {@code value}.
 */
@NullMarked
package io.scimkit.core.value.internal;

import org.jspecify.annotations.NullMarked;
