/**
 * The store contract suite: {@link io.scimkit.testkit.store.StoreContract}, an abstract JUnit 5
 * class that any {@code UserStore}/{@code GroupStore} implementation extends to prove it keeps the
 * store SPI's promises (DESIGN.md §4): ids and {@code meta}, versions and compare-and-swap,
 * case-insensitive uniqueness, tenant isolation, Entra's lookups, paging, sorting, cursors,
 * member deltas and concurrency.
 *
 * <p>May import {@code io.scimkit.core}, JUnit 5 and AssertJ (optional dependencies of the
 * testkit: integrators bring their own).
 */
@NullMarked
package io.scimkit.testkit.store;

import org.jspecify.annotations.NullMarked;
