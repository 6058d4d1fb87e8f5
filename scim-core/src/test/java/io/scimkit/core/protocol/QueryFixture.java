package io.scimkit.core.protocol;

import io.scimkit.core.store.ResourceCreate;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimkit.core.ScimService;
import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.resource.Projection;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.UserStore;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ScimService} over a user and a group store, with helpers to seed resources straight
 * into the stores (per tenant) and to send queries and read their JSON.
 */
final class QueryFixture {
    static final SchemaRegistry REGISTRY = SchemaRegistry.core();
    static final ResourceType USER = REGISTRY.resourceType("User").orElseThrow();
    static final ResourceType GROUP = REGISTRY.resourceType("Group").orElseThrow();
    static final String TENANT = "tenant-a";
    static final String OTHER_TENANT = "tenant-b";
    static final ObjectMapper MAPPER = new ObjectMapper();

    final UserStore users;
    final GroupStore groups;
    final StepClock clock;
    final ScimService service;

    QueryFixture(UserStore users, GroupStore groups, ClientDialect dialect, ServiceLimits limits, StepClock clock) {
        this.clock = clock;
        this.users = users;
        this.groups = groups;
        this.service = ScimService.builder()
                .baseUri(URI.create("https://example.com/scim/v2"))
                .userStore(users)
                .groupStore(groups)
                .dialect(dialect)
                .limits(limits)
                .clock(clock)
                .build();
    }

    StoreContext context(String tenant, ResourceType type) {
        return new StoreContext(tenant, "seed", type, Projection.none(REGISTRY, type),
                clock.instant());
    }

    /** Stores a user; every call advances the clock by a second, so meta.created orders users. */
    ScimResource user(String tenant, ComplexValue.Builder body) {
        clock.advance(Duration.ofSeconds(1));
        return create(users, context(tenant, USER), body.put("schemas",
                MultiValue.of(StringValue.of(CoreSchemas.USER_URN))).build());
    }

    ScimResource user(String userName) {
        return user(TENANT, ComplexValue.builder().put("userName", userName));
    }

    ScimResource group(String tenant, String displayName, String... memberIds) {
        clock.advance(Duration.ofSeconds(1));
        ComplexValue.Builder body = ComplexValue.builder()
                .put("schemas", MultiValue.of(StringValue.of(CoreSchemas.GROUP_URN)))
                .put("displayName", displayName);
        if (memberIds.length > 0) {
            List<ScimValue> members = new ArrayList<>();
            for (String id : memberIds) {
                members.add(ComplexValue.builder().put("value", id).put("type", "User").build());
            }
            body.put("members", MultiValue.of(members));
        }
        return create(groups, context(tenant, GROUP), body.build());
    }

    private static ScimResource create(ResourceStore store, StoreContext context, ComplexValue body) {
        return store.create(context, ResourceCreate.of(ScimResource.of(body)));
    }

    static ComplexValue email(String value, String type, boolean primary) {
        ComplexValue.Builder email = ComplexValue.builder().put("value", value).put("type", type);
        if (primary) {
            email.put("primary", BooleanValue.TRUE);
        }
        return email.build();
    }

    ScimResponse send(String method, String path, String rawQuery, String body, String tenant) {
        return service.handle(new ScimRequest(method, path, rawQuery, HttpHeaders.EMPTY, body.getBytes(UTF_8),
                new ScimPrincipal(tenant, "client"), null));
    }

    /** {@code GET path?rawQuery} as tenant A. */
    ScimResponse get(String path, String rawQuery) {
        return send("GET", path, rawQuery, "", TENANT);
    }

    /** {@code POST path} with a SearchRequest body as tenant A. */
    ScimResponse search(String path, String body) {
        return send("POST", path, "", body, TENANT);
    }

    static String searchBody(String members) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"]"
                + (members.isEmpty() ? "" : "," + members) + "}";
    }

    static JsonNode json(ScimResponse response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of one attribute of every resource of a ListResponse, in order. */
    static List<String> values(ScimResponse response, String attribute) {
        List<String> values = new ArrayList<>();
        for (JsonNode resource : json(response).get("Resources")) {
            JsonNode value = resource.get(attribute);
            values.add(value == null ? null : value.asText());
        }
        return values;
    }

    /** A clock at the start of 2025. */
    static StepClock newClock() {
        return new StepClock(Instant.parse("2025-01-01T00:00:00Z"));
    }

    /** A clock the test moves forward. */
    static final class StepClock extends Clock {
        private Instant now;

        StepClock(Instant start) {
            this.now = start;
        }

        synchronized void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
