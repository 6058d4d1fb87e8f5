/**
 * An example of a custom {@link io.scimkit.core.store.UserStore}: the shape of the work an
 * integrator does to keep SCIM Users in their own data source. {@link
 * io.scimkit.examples.store.MapBackedUserStore} keeps the application's own {@link
 * io.scimkit.examples.store.UserRow}s in a {@code ConcurrentHashMap} (stand-in for a table);
 * {@link io.scimkit.examples.store.UserRowMapping} converts between rows and SCIM resources. The
 * store contract suite of scim-testkit checks it (MapBackedUserStoreContractTest).
 */
@NullMarked
package io.scimkit.examples.store;

import org.jspecify.annotations.NullMarked;
