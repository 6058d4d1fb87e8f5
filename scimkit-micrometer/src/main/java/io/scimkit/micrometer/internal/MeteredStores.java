package io.scimkit.micrometer.internal;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.UserStore;
import io.scimkit.micrometer.ScimMetrics;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Wraps stores so that every call is timed under {@code scim.store.calls}, tagged with the resource
 * type, the operation ({@code create}, {@code get}, {@code search}, {@code update}, {@code delete},
 * and a group store's {@code groups-of}, {@code members-among}, {@code for-each-member},
 * {@code add-members}, {@code remove-members}, {@code replace-members}) and the outcome:
 * {@code success}, {@code rejected} (the store answered with a SCIM error such as 404, 409 or 412,
 * RFC 7644 §3.12) or {@code error} (anything else, which the service answers with 500).
 */
public final class MeteredStores {
    static final String SUCCESS = "success";
    static final String REJECTED = "rejected";
    static final String ERROR = "error";

    private final Meter.MeterProvider<Timer> calls;

    public MeteredStores(MeterRegistry registry) {
        this.calls = Timer.builder(ScimMetrics.STORE_CALLS)
                .description("Store calls, by resource type, operation and outcome")
                .withRegistry(registry);
    }

    /** The user store, timed as {@code User}. */
    public UserStore users(UserStore store) {
        return new MeteredUserStore(store, new Calls(this, "User"));
    }

    /** The group store, timed as {@code Group}. */
    public GroupStore groups(GroupStore store) {
        return new MeteredGroupStore(store, new Calls(this, "Group"));
    }

    /** Any store, timed as this resource type; a user or group store keeps its interface. */
    public ResourceStore of(String resourceType, ResourceStore store) {
        Calls calls = new Calls(this, resourceType);
        if (store instanceof GroupStore groups) {
            return new MeteredGroupStore(groups, calls);
        }
        if (store instanceof UserStore users) {
            return new MeteredUserStore(users, calls);
        }
        return new MeteredResourceStore(store, calls);
    }

    /** The timing of one resource type's store calls. */
    record Calls(MeteredStores meters, String resourceType) {

        <T> T time(String operation, Supplier<T> call) {
            long started = System.nanoTime();
            String outcome = ERROR;
            try {
                T result = call.get();
                outcome = SUCCESS;
                return result;
            } catch (ScimException refused) {
                outcome = REJECTED;
                throw refused;
            } finally {
                meters.calls.withTags("resource.type", resourceType, "operation", operation, "outcome", outcome)
                        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }
        }

        void run(String operation, Runnable call) {
            time(operation, () -> {
                call.run();
                return null;
            });
        }
    }
}
