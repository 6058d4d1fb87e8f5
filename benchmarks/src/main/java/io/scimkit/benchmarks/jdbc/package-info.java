/**
 * {@link io.scimkit.benchmarks.jdbc.MappedStoreScale}: Entra ID's lookups and add-member PATCH,
 * in process, over scim-jdbc's own schema and over a mapped application schema with the same
 * number of users in one PostgreSQL database (BENCHMARKS.md). Not run by the build.
 *
 * <p>May import {@code io.scimkit.core}, {@code io.scimkit.jdbc}, {@code io.scimkit.jdbc.mapping},
 * HikariCP and {@code java.sql}.
 */
package io.scimkit.benchmarks.jdbc;
