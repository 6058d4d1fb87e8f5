package io.scimkit.core.store.memory;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.scimkit.core.codec.ResourceCodec;
import io.scimkit.core.filter.FilterParser;
import io.scimkit.core.filter.FilterSettings;
import io.scimkit.core.resource.Projection;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.Paging;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StoreQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** Shared helpers of the in-memory store tests: resources from JSON, contexts, queries, a settable clock. */
final class StoreFixtures {
    static final SchemaRegistry REGISTRY = SchemaRegistry.core();
    static final ResourceCodec CODEC = ResourceCodec.of(REGISTRY);
    static final ResourceType USER = REGISTRY.resourceType("User").orElseThrow();
    static final ResourceType GROUP = REGISTRY.resourceType("Group").orElseThrow();
    static final Instant T0 = Instant.parse("2025-01-02T03:04:05Z");

    private StoreFixtures() {
    }

    static ScimResource user(String userName) {
        return read("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName + "\"}",
                USER);
    }

    static ScimResource group(String displayName, String... memberIds) {
        StringBuilder members = new StringBuilder();
        for (String id : memberIds) {
            members.append(members.length() == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
        }
        return read("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"" + displayName
                + "\",\"members\":[" + members + "]}", GROUP);
    }

    static ScimResource read(String json, ResourceType type) {
        return CODEC.read(json.getBytes(UTF_8), type);
    }

    static StoreContext context(String tenant, ResourceType type) {
        return new StoreContext(tenant, "test", type, Projection.none(REGISTRY, type), T0);
    }

    static StoreContext users() {
        return context(StoreContext.DEFAULT_TENANT, USER);
    }

    static StoreContext groups() {
        return context(StoreContext.DEFAULT_TENANT, GROUP);
    }

    static StoreQuery query(String filter, Paging paging) {
        return new StoreQuery(filter == null ? null : FilterParser.parse(filter, FilterSettings.lenient()), null, paging);
    }

    /** A clock tests move by hand. */
    static final class SettableClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(T0);

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
