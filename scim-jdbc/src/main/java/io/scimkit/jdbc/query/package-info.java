/**
 * SQL pushdown of SCIM queries (RFC 7644 §3.4.2): the {@link io.scimkit.jdbc.query.FilterCompiler}
 * turns a filter into a parameterised SQL predicate over the store's columns and child tables, or
 * says it cannot (then the core evaluates the filter), and {@link io.scimkit.jdbc.query.SortColumn}
 * pushes sorts on indexed columns. Values only ever travel as parameters.
 */
@NullMarked
package io.scimkit.jdbc.query;

import org.jspecify.annotations.NullMarked;
