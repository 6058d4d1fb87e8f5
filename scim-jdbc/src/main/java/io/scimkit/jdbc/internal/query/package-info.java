/**
 * Not API: the SQL pushdown of the JDBC store's queries (RFC 7644 §3.4.2), which may change in any
 * release. {@link io.scimkit.jdbc.internal.query.FilterCompiler} turns a filter into a
 * parameterised SQL predicate ({@link io.scimkit.jdbc.internal.query.SqlFragment}) over the
 * store's columns and child tables, or says it cannot (then the core evaluates the filter);
 * {@link io.scimkit.jdbc.internal.query.SortColumn} pushes sorts on indexed columns and writes the
 * keyset conditions of cursors; {@link io.scimkit.jdbc.internal.query.ResourceKind} says which
 * columns a resource type has. Values only ever travel as parameters. The column and child-table
 * model ({@code Column}, {@code ChildTable}) is package-private; the classes above are public only
 * for {@code io.scimkit.jdbc}, and {@link io.scimkit.jdbc.internal.query.SqlFragment} and
 * {@link io.scimkit.jdbc.internal.query.LikePatterns} ({@code LIKE} escaping) also for the mapped
 * store of {@code io.scimkit.jdbc.mapping}.
 *
 * <p>May import {@code io.scimkit.core} and {@code io.scimkit.jdbc.schema} (the dialect); never
 * {@code io.scimkit.jdbc} itself, {@code java.sql} or a driver class.
 */
@NullMarked
package io.scimkit.jdbc.internal.query;

import org.jspecify.annotations.NullMarked;
