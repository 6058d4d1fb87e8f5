package io.scimkit.testkit.store;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.GroupMembership;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.store.ResourceDelete;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreCapabilities;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StorePage;
import io.scimkit.core.store.StoreQuery;
import io.scimkit.core.store.UserStore;
import io.scimkit.core.value.ComplexValue;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the stores threw while the service handled a request, other than {@link ScimException}s.
 * The service answers such a failure with a 500 whose body only carries an error id (and logs the
 * stack trace, which a test run without a logging backend never shows), so the suite watches the
 * stores it hands the service and puts the exception into the failure message instead.
 */
final class StoreFailures {
    private static final int FRAMES = 8;

    private final ConcurrentLinkedQueue<RuntimeException> seen = new ConcurrentLinkedQueue<>();

    /** The user store, watched. */
    UserStore watch(UserStore store) {
        return new WatchedUsers(store, this);
    }

    /** The group store, watched. */
    GroupStore watch(GroupStore store) {
        return new WatchedGroups(store, this);
    }

    /** The failures since the last call, described with their first stack frames; empty if none. */
    String drain() {
        StringBuilder text = new StringBuilder();
        RuntimeException failure;
        while ((failure = seen.poll()) != null) {
            text.append("\n  the store threw ").append(failure);
            StackTraceElement[] frames = failure.getStackTrace();
            for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
                text.append("\n      at ").append(frames[i]);
            }
        }
        return text.toString();
    }

    private <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (ScimException expected) {
            throw expected;
        } catch (RuntimeException unexpected) {
            seen.add(unexpected);
            throw unexpected;
        }
    }

    private void run(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }

    /** The calls every resource store has, watched. */
    private abstract static class Watched<S extends ResourceStore> implements ResourceStore {
        final S store;
        final StoreFailures failures;

        Watched(S store, StoreFailures failures) {
            this.store = store;
            this.failures = failures;
        }

        @Override
        public StoreCapabilities capabilities() {
            return failures.call(store::capabilities);
        }

        @Override
        public ScimResource create(StoreContext context, ResourceCreate resource) {
            return failures.call(() -> store.create(context, resource));
        }

        @Override
        public Optional<ScimResource> get(StoreContext context, String id) {
            return failures.call(() -> store.get(context, id));
        }

        @Override
        public StorePage search(StoreContext context, StoreQuery query) {
            return failures.call(() -> store.search(context, query));
        }

        @Override
        public ScimResource update(StoreContext context, ResourceUpdate update) {
            return failures.call(() -> store.update(context, update));
        }

        @Override
        public void delete(StoreContext context, ResourceDelete delete) {
            failures.run(() -> store.delete(context, delete));
        }

        @Override
        public String toString() {
            return store.toString();
        }
    }

    private static final class WatchedUsers extends Watched<UserStore> implements UserStore {
        WatchedUsers(UserStore store, StoreFailures failures) {
            super(store, failures);
        }
    }

    private static final class WatchedGroups extends Watched<GroupStore> implements GroupStore {
        WatchedGroups(GroupStore store, StoreFailures failures) {
            super(store, failures);
        }

        @Override
        public List<GroupMembership> groupsOf(StoreContext context, String memberId) {
            return failures.call(() -> store.groupsOf(context, memberId));
        }

        @Override
        public Set<String> membersAmong(StoreContext context, String groupId, Set<String> memberIds) {
            return failures.call(() -> store.membersAmong(context, groupId, memberIds));
        }

        @Override
        public void addMembers(StoreContext context, String groupId, List<ComplexValue> members) {
            failures.run(() -> store.addMembers(context, groupId, members));
        }

        @Override
        public void removeMembers(StoreContext context, String groupId, Set<String> memberIds) {
            failures.run(() -> store.removeMembers(context, groupId, memberIds));
        }

        @Override
        public void replaceMembers(StoreContext context, String groupId, List<ComplexValue> members) {
            failures.run(() -> store.replaceMembers(context, groupId, members));
        }

        @Override
        public void forEachMember(StoreContext context, String groupId, Consumer<ComplexValue> action) {
            failures.run(() -> store.forEachMember(context, groupId, action));
        }
    }
}
