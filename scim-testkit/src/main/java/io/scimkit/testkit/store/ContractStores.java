package io.scimkit.testkit.store;

import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.UserStore;
import java.util.Objects;

/**
 * The stores a {@link StoreContract} test runs against: a user store and a group store over the
 * same data (so that deleting a user can remove it from groups, digest K-64).
 *
 * @param users the User store
 * @param groups the Group store
 */
public record ContractStores(UserStore users, GroupStore groups) {
    public ContractStores {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(groups, "groups");
    }
}
