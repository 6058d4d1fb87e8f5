/**
 * SCIM Users and Groups over an existing application's tables with scim-jdbc's declarative mapping
 * ({@link io.scimkit.jdbc.mapping.SqlMapping}): {@link io.scimkit.examples.mapped.AppTables} holds the
 * mapping of the {@code users}, {@code teams} and {@code team_members} tables and the migration that
 * creates them. Compare {@code io.scimkit.examples.existing}, which serves a similar schema with
 * hand-written stores.
 *
 * <p>May import {@code io.scimkit.core.schema}, {@code io.scimkit.jdbc.mapping}, {@code java.sql} and
 * {@code javax.sql}; no JDBC driver, no pool.
 */
@NullMarked
package io.scimkit.examples.mapped;

import org.jspecify.annotations.NullMarked;
