/**
 * The store SPI (DESIGN.md §4): what integrators implement to keep SCIM resources in their own
 * database. {@link io.scimkit.core.store.UserStore} and {@link io.scimkit.core.store.GroupStore}
 * share the generic {@link io.scimkit.core.store.ResourceStore}; every method takes records
 * ({@link io.scimkit.core.store.StoreContext}, {@link io.scimkit.core.store.StoreQuery},
 * {@link io.scimkit.core.store.ResourceUpdate}) so the SPI can grow without breaking implementations.
 *
 * <p>Contract in short: data is partitioned by {@code StoreContext.tenant()} and nothing crosses
 * tenants; the store assigns {@code id} and {@code meta} (created, lastModified, version); writes
 * are compare-and-swap on {@code meta.version}; uniqueness (userName and group displayName
 * case-insensitively, externalId when configured) is enforced atomically and reported as 409
 * {@code uniqueness}; group membership changes are deltas that cost O(change).
 *
 * <p>May import {@code error}, {@code value}, {@code path}, {@code schema}, {@code filter},
 * {@code resource}, {@code patch} and {@code dialect}.
 */
@NullMarked
package io.scimkit.core.store;

import org.jspecify.annotations.NullMarked;
