/**
 * The JDBC store: {@link io.scimkit.jdbc.JdbcUserStore} and {@link io.scimkit.jdbc.JdbcGroupStore}
 * over a {@code javax.sql.DataSource}, created together by {@link io.scimkit.jdbc.JdbcStores#create},
 * with a dialect layer for H2 2.x and PostgreSQL 15+ ({@link io.scimkit.jdbc.schema}). Filters and
 * sorts on the attributes kept in columns run as SQL (in an internal package, not API); the rest is
 * declared through the stores' capabilities and left to the core. Sorting in Java and cursors use
 * the core's {@link io.scimkit.core.store.SortKey} and {@link io.scimkit.core.store.CursorPayload}.
 * Parameterised SQL only: no filter value ever reaches SQL text.
 *
 * <p>Provisioning events: with {@link io.scimkit.jdbc.JdbcStoreOptions#withOutbox(boolean) the outbox
 * on}, the stores write each change's events to the {@code scim_outbox} table in the change's own
 * transaction, and an {@link io.scimkit.jdbc.OutboxDispatcher} delivers them to the application's
 * listeners at least once, in order per resource.
 *
 * <p>May import {@code java.sql}, {@code javax.sql}, {@code io.scimkit.core} and
 * {@code io.scimkit.jdbc.internal.query}; never a driver class.
 */
@NullMarked
package io.scimkit.jdbc;

import org.jspecify.annotations.NullMarked;
