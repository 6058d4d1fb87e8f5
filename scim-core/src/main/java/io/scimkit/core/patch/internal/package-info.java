/**
 * Implementation of the PATCH layer, not API: PUT's attribute-by-attribute replace
 * ({@link io.scimkit.core.patch.internal.ResourceReplacer}, RFC 7644 §3.5.1), which the protocol
 * layer runs, and the value-tree helpers it shares with the PATCH engine: reading and writing a
 * top-level or extension attribute, multi-valued element equality, the {@code primary} rule
 * (RFC 7643 §2.4), the {@code schemas} list kept in step with the extensions present (RFC 7643
 * §3), and dropping unassigned values (RFC 7643 §2.5). Its types may change in any release;
 * embedders use {@code io.scimkit.core.patch}.
 *
 * <p>May import {@code error}, {@code value}, {@code path}, {@code schema} (with
 * {@code schema.internal}), {@code filter} and {@code resource}; never {@code io.scimkit.core.patch}
 * itself, whose engine builds on this package.
 */
@NullMarked
package io.scimkit.core.patch.internal;

import org.jspecify.annotations.NullMarked;
