package io.scimkit.testkit.mutants;

import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.MemberChanges;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreContext;
import java.util.List;
import java.util.Set;

/** Mutant: removing listed members empties the group (the naive RFC reading of quirk Q4). */
final class RemovesAllMembersStore extends DelegatingGroupStore {
    RemovesAllMembersStore(GroupStore delegate) {
        super(delegate);
    }

    @Override
    public ScimResource update(StoreContext context, ResourceUpdate update) {
        MemberChanges members = update.members();
        if (members.replaceAll() || members.removed().isEmpty()) {
            return delegate.update(context, update);
        }
        return delegate.update(context, new ResourceUpdate(update.id(), update.expectedVersion(), update.body(),
                new MemberChanges(true, List.of(), Set.of())));
    }
}
