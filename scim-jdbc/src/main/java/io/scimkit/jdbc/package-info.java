/**
 * The JDBC store (DESIGN.md §4): {@link io.scimkit.jdbc.JdbcUserStore} and
 * {@link io.scimkit.jdbc.JdbcGroupStore} over a {@code javax.sql.DataSource}, created together by
 * {@link io.scimkit.jdbc.JdbcStores#create}, with a dialect layer for H2 2.x and PostgreSQL 15+
 * ({@link io.scimkit.jdbc.schema}) and SQL filter pushdown ({@link io.scimkit.jdbc.query}).
 * Parameterised SQL only: no filter value ever reaches SQL text (DESIGN.md §7).
 *
 * <p>May import {@code java.sql}, {@code javax.sql} and {@code io.scimkit.core}; never a driver class.
 */
@NullMarked
package io.scimkit.jdbc;

import org.jspecify.annotations.NullMarked;
