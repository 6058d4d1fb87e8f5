package io.scimkit.testkit.mutants;

import io.scimkit.core.resource.Projection;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.MemberChanges;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ScimValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Mutant: adds members by read-modify-write without a lock or version check, so concurrent adds
 * overwrite each other. To make the lost update certain rather than likely, every add waits
 * between its read and its write until a few other adds have read too (or a short while passes,
 * so sequential adds still go through).
 */
final class LosesConcurrentAddsStore extends DelegatingGroupStore {
    private static final int RACERS = 4;
    private static final long WINDOW_MILLIS = 150;

    private final SchemaRegistry registry;
    private final CyclicBarrier raceWindow = new CyclicBarrier(RACERS);

    LosesConcurrentAddsStore(GroupStore delegate, SchemaRegistry registry) {
        super(delegate);
        this.registry = registry;
    }

    @Override
    public ScimResource update(StoreContext context, ResourceUpdate update) {
        MemberChanges members = update.members();
        if (members.replaceAll() || members.added().isEmpty() || !members.removed().isEmpty() || update.body() != null) {
            return delegate.update(context, update);
        }
        StoreContext full = context.withProjection(Projection.none(registry, context.resourceType()));
        ScimResource current = delegate.get(full, update.id()).orElseThrow();
        List<ComplexValue> merged = new ArrayList<>();
        if (current.get("members").orElse(MultiValue.EMPTY) instanceof MultiValue existing) {
            for (ScimValue member : existing.values()) {
                merged.add((ComplexValue) member);
            }
        }
        merged.addAll(members.added());
        awaitOthers();
        return delegate.update(context, new ResourceUpdate(update.id(), null, null,
                new MemberChanges(true, merged, Set.of())));
    }

    private void awaitOthers() {
        try {
            raceWindow.await(WINDOW_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | BrokenBarrierException alone) {
            raceWindow.reset();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
