package io.scimkit.core.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimkit.core.ScimService;
import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.resource.Projection;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.Paging;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StoreQuery;
import io.scimkit.core.store.memory.InMemoryStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Protocol-level test driver: {@link ScimRequest}s into a {@link ScimService} over the in-memory
 * stores, {@link Reply}s out, no HTTP. One principal per client; {@link #as(ScimPrincipal)} gives
 * a client of the same service for another caller.
 */
final class ScimTestClient {
    static final URI BASE = URI.create("https://scim.example.test/scim/v2");
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String ENTERPRISE_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String PATCH_URN = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final String ERROR_URN = "urn:ietf:params:scim:api:messages:2.0:Error";

    private final ScimService service;
    private final InMemoryStores stores;
    private final ScimPrincipal principal;

    ScimTestClient(ScimService service, InMemoryStores stores, ScimPrincipal principal) {
        this.service = service;
        this.stores = stores;
        this.principal = principal;
    }

    /** A client of a service over fresh in-memory stores with the core schemas, the given builder changes applied. */
    static ScimTestClient create(UnaryOperator<ScimService.Builder> configure) {
        SchemaRegistry registry = SchemaRegistry.core();
        InMemoryStores stores = InMemoryStores.create(registry);
        ScimService service = configure.apply(ScimService.builder().baseUri(BASE).schemas(registry)
                .userStore(stores.users()).groupStore(stores.groups())).build();
        return new ScimTestClient(service, stores, ScimPrincipal.of("test-client"));
    }

    /** A client of a default service (lenient dialect). */
    static ScimTestClient create() {
        return create(builder -> builder);
    }

    /** A client of a service with this dialect. */
    static ScimTestClient create(ClientDialect dialect) {
        return create(builder -> builder.dialect(dialect));
    }

    ScimTestClient as(ScimPrincipal other) {
        return new ScimTestClient(service, stores, other);
    }

    ScimService service() {
        return service;
    }

    InMemoryStores stores() {
        return stores;
    }

    ScimPrincipal principal() {
        return principal;
    }

    /** The resource as the store holds it now, read directly (with members), bypassing the protocol layer. */
    Optional<ScimResource> stored(String typeName, String id) {
        return store(typeName).get(storeContext(typeName), id);
    }

    /** How many resources of the type the caller's tenant holds, read directly from the store. */
    long count(String typeName) {
        return store(typeName).search(storeContext(typeName), new StoreQuery(
                null, null, new Paging.Index(1, 0))).totalResults();
    }

    /** The User or Group store as the core sees it: managed, so that it fills in {@code schemas}. */
    private ResourceStore store(String typeName) {
        return ManagedStore.manage(service.schemas(), Map.of("User", stores.users(), "Group", stores.groups()))
                .get(typeName);
    }

    private StoreContext storeContext(String typeName) {
        SchemaRegistry registry = service.schemas();
        ResourceType type = registry.resourceType(typeName).orElseThrow();
        return new StoreContext(principal.tenant(), principal.name(), type,
                Projection.none(registry, type),
                Instant.now());
    }

    Reply get(String path) {
        return send("GET", path, "", null);
    }

    Reply post(String path, String json) {
        return send("POST", path, "", json);
    }

    Reply put(String path, String json) {
        return send("PUT", path, "", json);
    }

    Reply patch(String path, String json) {
        return send("PATCH", path, "", json);
    }

    Reply delete(String path) {
        return send("DELETE", path, "", null);
    }

    /** A request with a query string and headers given as name/value pairs. */
    Reply send(String method, String path, String rawQuery, String json, String... headers) {
        List<String> fields = new ArrayList<>(List.of(headers));
        if (json != null && fields.stream().noneMatch(name -> name.equalsIgnoreCase("Content-Type"))) {
            fields.add("Content-Type");
            fields.add("application/scim+json; charset=utf-8");
        }
        ScimRequest request = new ScimRequest(method, path, rawQuery, HttpHeaders.of(fields.toArray(String[]::new)),
                json == null ? new byte[0] : json.getBytes(UTF_8), principal, null);
        return new Reply(service.handle(request));
    }

    /** A request with a body of exactly these bytes and headers given as name/value pairs. */
    Reply sendBytes(String method, String path, byte[] body, String... headers) {
        return new Reply(service.handle(new ScimRequest(method, path, "", HttpHeaders.of(headers), body, principal,
                null)));
    }

    /** Creates a user with this userName and returns its id. */
    String createUser(String userName) {
        Reply reply = post("/Users", "{\"schemas\":[\"" + USER_URN + "\"],\"userName\":\"" + userName + "\"}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.id();
    }

    /** Creates a group with this displayName and members and returns its id. */
    String createGroup(String displayName, String... memberIds) {
        StringBuilder members = new StringBuilder();
        for (String id : memberIds) {
            members.append(members.length() == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
        }
        Reply reply = post("/Groups", "{\"schemas\":[\"" + GROUP_URN + "\"],\"displayName\":\"" + displayName
                + "\",\"members\":[" + members + "]}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.id();
    }

    /** A PatchOp body with these operations (each a JSON object). */
    static String patchOp(String... operations) {
        return "{\"schemas\":[\"" + PATCH_URN + "\"],\"Operations\":[" + String.join(",", operations) + "]}";
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One response, with its body parsed when there is one. */
    record Reply(ScimResponse response) {
        int status() {
            return response.status();
        }

        String text() {
            return response.bodyText();
        }

        JsonNode json() {
            return ScimTestClient.json(text());
        }

        String id() {
            return json().path("id").asText();
        }

        String header(String name) {
            return response.header(name).orElse(null);
        }

        String etag() {
            return header("ETag");
        }

        ObjectNode object() {
            return (ObjectNode) json();
        }

        /** The member ids of a group body, in order. */
        List<String> memberIds() {
            List<String> ids = new ArrayList<>();
            json().path("members").forEach(member -> ids.add(member.path("value").asText()));
            return ids;
        }

        /** Asserts a SCIM error (RFC 7644 §3.12) with this status and scimType ({@code null}: none). */
        Reply assertError(int expectedStatus, String scimType) {
            assertThat(status()).as(text()).isEqualTo(expectedStatus);
            assertThat(header("Content-Type")).isEqualTo(ScimResponse.SCIM_JSON);
            JsonNode body = json();
            assertThat(body.path("schemas").get(0).asText()).isEqualTo(ERROR_URN);
            assertThat(body.path("status").isTextual()).isTrue();
            assertThat(body.path("status").asText()).isEqualTo(String.valueOf(expectedStatus));
            if (scimType == null) {
                assertThat(body.has("scimType")).as(text()).isFalse();
            } else {
                assertThat(body.path("scimType").asText()).as(text()).isEqualTo(scimType);
            }
            return this;
        }
    }
}
