/**
 * The SCIM filter language (RFC 7644 §3.4.2.2): an immutable AST (a sealed
 * {@link io.scimkit.core.filter.Filter} family with a {@link io.scimkit.core.filter.FilterVisitor}),
 * the hand-written {@link io.scimkit.core.filter.FilterParser}, its
 * {@link io.scimkit.core.filter.FilterSettings} presets, and the schema-aware
 * {@link io.scimkit.core.filter.FilterEvaluator}.
 *
 * <p>Every node renders canonical SCIM filter syntax from {@code toString()}, which parses back to
 * an equal AST. May import {@code error}, {@code value}, {@code path} and {@code schema}.
 */
@NullMarked
package io.scimkit.core.filter;

import org.jspecify.annotations.NullMarked;
