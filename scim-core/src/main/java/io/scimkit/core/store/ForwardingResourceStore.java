package io.scimkit.core.store;

import io.scimkit.core.resource.ScimResource;
import java.util.Optional;

/**
 * A {@link ResourceStore} that forwards every call to another one. Typed stores such as a
 * {@link UserStore} or {@link GroupStore} over one generic implementation implement this and
 * {@link #delegate()}, and override only what they add.
 */
public interface ForwardingResourceStore extends ResourceStore {

    /** The store every call goes to. */
    ResourceStore delegate();

    @Override
    default StoreCapabilities capabilities() {
        return delegate().capabilities();
    }

    @Override
    default ScimResource create(StoreContext context, ResourceCreate resource) {
        return delegate().create(context, resource);
    }

    @Override
    default Optional<ScimResource> get(StoreContext context, String id) {
        return delegate().get(context, id);
    }

    @Override
    default StorePage search(StoreContext context, StoreQuery query) {
        return delegate().search(context, query);
    }

    @Override
    default ScimResource update(StoreContext context, ResourceUpdate update) {
        return delegate().update(context, update);
    }

    @Override
    default void delete(StoreContext context, ResourceDelete delete) {
        delegate().delete(context, delete);
    }
}
