/**
 * The JDBC store: {@code UserStore}/{@code GroupStore} over a {@code javax.sql.DataSource} with a
 * dialect layer for H2 and PostgreSQL and SQL filter pushdown (parameterised SQL only).
 *
 * <p>May import {@code java.sql}, {@code javax.sql} and {@code io.scimkit.core}; never a driver class.
 */
package io.scimkit.jdbc;
