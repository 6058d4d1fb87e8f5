/**
 * Implementation of the schema layer, not API: {@link io.scimkit.core.schema.internal.ValueConformer},
 * which brings a JSON value into the shape its attribute definition declares (RFC 7643 §2.3), for
 * the validator and the PATCH and PUT engines. Its types may change in any release; embedders use
 * {@code io.scimkit.core.schema}.
 *
 * <p>May import {@code error}, {@code value}, {@code path} and {@code schema}.
 */
@NullMarked
package io.scimkit.core.schema.internal;

import org.jspecify.annotations.NullMarked;
