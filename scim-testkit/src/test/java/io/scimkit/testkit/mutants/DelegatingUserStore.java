package io.scimkit.testkit.mutants;

import io.scimkit.core.store.ForwardingResourceStore;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.UserStore;

/** A user store that forwards everything; mutants override the one method they break. */
abstract class DelegatingUserStore implements UserStore, ForwardingResourceStore {
    protected final UserStore delegate;

    DelegatingUserStore(UserStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public ResourceStore delegate() {
        return delegate;
    }
}
