package io.scimkit.core.dialect;

import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The {@link PathPlan}s one {@link ClientDialect} has computed, so that the few paths a client
 * sends on every PATCH (Entra sends the same handful) are qualified, parsed and resolved once,
 * not once per request. Keyed by the identity of registry and resource type and by the path text.
 * Bounded: once {@link #MAX_ENTRIES} plans are held, further paths are computed per call and not
 * kept, so a client sending ever new paths costs memory once. Thread-safe.
 */
final class PathPlans {
    /** Distinct paths kept; real clients use a few dozen. */
    static final int MAX_ENTRIES = 512;

    private final Map<Key, PathPlan> plans = new ConcurrentHashMap<>();

    /** The plan for this path, computed by {@code compute} when not held. */
    PathPlan get(SchemaRegistry registry, ResourceType type, String path, Supplier<PathPlan> compute) {
        Key key = new Key(registry, type, path);
        PathPlan plan = plans.get(key);
        if (plan == null) {
            plan = compute.get();
            if (plans.size() < MAX_ENTRIES) {
                plans.putIfAbsent(key, plan);
            }
        }
        return plan;
    }

    /** Registry and type by identity (both are long-lived and compared often), path by value. */
    private static final class Key {
        private final SchemaRegistry registry;
        private final ResourceType type;
        private final String path;
        private final int hash;

        Key(SchemaRegistry registry, ResourceType type, String path) {
            this.registry = registry;
            this.type = type;
            this.path = path;
            this.hash = (System.identityHashCode(registry) * 31 + System.identityHashCode(type)) * 31 + path.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.registry == registry && key.type == type && key.path.equals(path);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
