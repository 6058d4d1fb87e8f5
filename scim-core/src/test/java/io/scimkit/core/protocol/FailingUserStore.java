package io.scimkit.core.protocol;

import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.ForwardingResourceStore;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.store.ResourceDelete;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StorePage;
import io.scimkit.core.store.StoreQuery;
import io.scimkit.core.store.UserStore;
import java.util.Optional;

/**
 * A user store whose every read and write fails with an unexpected exception, as a broken database
 * would: the message holds SQL text, which must never reach a client. Only its capabilities come
 * from the real store it wraps.
 */
record FailingUserStore(ResourceStore delegate) implements UserStore, ForwardingResourceStore {
    static final String SQL = "SELECT * FROM secret_table WHERE token = 'hunter2'";

    static IllegalStateException failure() {
        return new IllegalStateException(SQL);
    }

    @Override
    public ScimResource create(StoreContext context, ResourceCreate resource) {
        throw failure();
    }

    @Override
    public Optional<ScimResource> get(StoreContext context, String id) {
        throw failure();
    }

    @Override
    public StorePage search(StoreContext context, StoreQuery query) {
        throw failure();
    }

    @Override
    public ScimResource update(StoreContext context, ResourceUpdate update) {
        throw failure();
    }

    @Override
    public void delete(StoreContext context, ResourceDelete delete) {
        throw failure();
    }
}
