/**
 * The store contract suite: {@link io.scimkit.testkit.store.StoreContract}, an abstract JUnit 5
 * class that an application extends in its tests to prove that its {@code UserStore} and
 * {@code GroupStore} keep the store SPI's contract (see the package documentation of
 * {@code io.scimkit.core.store}): tenants, {@code id} and {@code meta}, every attribute coming back,
 * versions and compare-and-swap, case-insensitive uniqueness, queries as the store's
 * {@code capabilities()} declare them, group members and thread safety.
 *
 * <p>Whatever is about queries (filters, paging, sorting, cursors) and the removal of a deleted
 * user from its groups is checked through a {@code ScimService} over the stores, with in-process
 * requests, because that is how the stores are used: the core only hands a store the queries its
 * capabilities accept. The rest calls the SPI directly.
 *
 * <p>JUnit 5 and AssertJ are ordinary dependencies of the testkit, so adding the testkit with test
 * scope is all it takes.
 */
@NullMarked
package io.scimkit.testkit.store;

import org.jspecify.annotations.NullMarked;
