/**
 * SCIM schemas as data (RFC 7643 §2, §6, §7): attribute definitions with their characteristics,
 * schemas, resource types with their extensions, the {@link io.scimkit.core.schema.SchemaRegistry}
 * that resolves attribute paths against them, and {@link io.scimkit.core.schema.CoreSchemas}: User,
 * Group and the Enterprise User extension exactly as RFC 7643 §4 and §8.7.1 define them.
 *
 * <p>May import {@code error}, {@code value} and {@code path}.
 */
@NullMarked
package io.scimkit.core.schema;

import org.jspecify.annotations.NullMarked;
