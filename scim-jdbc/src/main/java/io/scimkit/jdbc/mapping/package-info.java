/**
 * SCIM Users and Groups over tables the application already has: a {@link io.scimkit.jdbc.mapping.SqlMapping}
 * says which column holds which attribute (RFC 7643 §4.1, §4.2), and
 * {@link io.scimkit.jdbc.mapping.SqlMappingStores#open} checks it against the database and serves
 * both resource types from it, with filters, sorts and pages pushed down to SQL as parameterised
 * statements. Everything but the mapping API is package-private.
 *
 * <p>May import {@code io.scimkit.core}, {@code io.scimkit.jdbc.Jdbc}, {@code io.scimkit.jdbc.internal.query}
 * ({@code SqlFragment}, {@code LikePatterns}), {@code java.sql} and {@code javax.sql}; never a driver class.
 */
@NullMarked
package io.scimkit.jdbc.mapping;

import org.jspecify.annotations.NullMarked;
