/**
 * SCIM Users and Groups served over an application's existing tables, with plain JDBC: the
 * {@code employees}, {@code teams} and {@code team_members} tables of {@code schema.sql} (beside
 * these classes), which were designed for the application and not for SCIM.
 * {@link io.scimkit.examples.existing.EmployeeStore} and {@link io.scimkit.examples.existing.TeamStore}
 * map the attributes that have columns, keep every other attribute in one JSON column with
 * {@link io.scimkit.core.codec.JsonColumn}, and declare the lookups they answer from an index
 * ({@code userName}, {@code externalId}, {@code displayName}); the core filters, sorts and pages
 * the rest, issues cursors, and removes deleted users from their groups. What the two share is in
 * {@code TableStore}; transactions and statements go through scim-jdbc's {@link io.scimkit.jdbc.Jdbc}.
 *
 * <p>May import {@code io.scimkit.core} (store, codec, resource, schema, value, filter, error) and
 * {@code java.sql}/{@code javax.sql}, and {@code io.scimkit.jdbc.Jdbc}; no JDBC driver, no pool.
 */
@NullMarked
package io.scimkit.examples.existing;

import org.jspecify.annotations.NullMarked;
