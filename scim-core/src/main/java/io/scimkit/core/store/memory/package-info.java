/**
 * The in-memory reference store: {@link io.scimkit.core.store.memory.InMemoryUserStore},
 * {@link io.scimkit.core.store.memory.InMemoryGroupStore} and the generic
 * {@link io.scimkit.core.store.memory.InMemoryResourceStore} they are built on, usable for custom
 * resource types. {@link io.scimkit.core.store.memory.InMemoryStores} wires a user and a group store
 * together so that deleting a user removes it from every group (RFC 7644 §3.6 leaves this open).
 *
 * <p>What it guarantees: data is partitioned per tenant; every write takes the tenant's write lock,
 * so uniqueness checks, compare-and-swap on {@code meta.version}, index maintenance and member
 * deltas are atomic; Entra's {@code eq} lookups ({@code userName}, {@code externalId},
 * {@code emails.value}, group {@code displayName}, {@code id}) are answered
 * from hash indexes and then checked with the compiled {@code FilterEvaluator} matcher, so results
 * are exactly the evaluator's; sorting follows {@link io.scimkit.core.store.SortKey}, and cursors
 * (RFC 9865) are keyset positions in {@link io.scimkit.core.store.CursorPayload}s sealed with a
 * per-instance HMAC key. Nothing is persisted: the data lives as long as the store instance.
 *
 * <p>May import what {@code io.scimkit.core.store} may import, and {@code store} itself.
 */
@NullMarked
package io.scimkit.core.store.memory;

import org.jspecify.annotations.NullMarked;
