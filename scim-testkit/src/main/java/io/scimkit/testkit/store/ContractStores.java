package io.scimkit.testkit.store;

import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.UserStore;
import java.util.Objects;

/**
 * The stores one {@link StoreContract} test runs against: the User store and the Group store of
 * one application, over the same data, as they would be given to
 * {@code ScimService.builder().userStore(users).groupStore(groups)}. The group store may be the
 * core's in-memory one when only the user store is the application's.
 *
 * @param users the store of User resources (RFC 7643 §4.1)
 * @param groups the store of Group resources (RFC 7643 §4.2)
 */
public record ContractStores(UserStore users, GroupStore groups) {
    public ContractStores {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(groups, "groups");
    }
}
