package io.scimkit.micrometer.internal;

import io.scimkit.core.store.UserStore;

/** A timed {@link UserStore}: the user store contract adds no call to time. */
final class MeteredUserStore extends MeteredResourceStore implements UserStore {
    MeteredUserStore(UserStore store, MeteredStores.Calls calls) {
        super(store, calls);
    }
}
