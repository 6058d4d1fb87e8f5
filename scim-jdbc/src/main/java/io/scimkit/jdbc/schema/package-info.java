/**
 * The database side of the JDBC store: the {@link io.scimkit.jdbc.schema.Dialect} (what differs
 * between H2 2.x and PostgreSQL 15+) and the versioned DDL ({@link io.scimkit.jdbc.schema.SchemaMigrations},
 * ordered scripts recorded in the table {@code scim_schema_version}).
 */
@NullMarked
package io.scimkit.jdbc.schema;

import org.jspecify.annotations.NullMarked;
