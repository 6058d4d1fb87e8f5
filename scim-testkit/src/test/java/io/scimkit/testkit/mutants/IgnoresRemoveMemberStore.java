package io.scimkit.testkit.mutants;

import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.MemberChanges;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreContext;
import java.util.Set;

/** Mutant: member removals are silently dropped (the PATCH still answers 204). */
final class IgnoresRemoveMemberStore extends DelegatingGroupStore {
    IgnoresRemoveMemberStore(GroupStore delegate) {
        super(delegate);
    }

    @Override
    public ScimResource update(StoreContext context, ResourceUpdate update) {
        MemberChanges members = update.members();
        if (members.replaceAll() || members.removed().isEmpty()) {
            return delegate.update(context, update);
        }
        return delegate.update(context, new ResourceUpdate(update.id(), update.expectedVersion(), update.body(),
                new MemberChanges(false, members.added(), Set.of())));
    }
}
