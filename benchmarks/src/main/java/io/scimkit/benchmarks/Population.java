package io.scimkit.benchmarks;

import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.codec.ResourceCodec;
import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.resource.Projection;
import io.scimkit.core.resource.ResourceValidator;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.resource.ValidationSettings;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.memory.InMemoryStores;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills in-memory stores fast for the scaling benchmarks: each user is a distinct Entra create
 * body (sample 05a plus the enterprise {@code manager}, RFC 7643 §4.1 and §4.3) read, normalised
 * and validated exactly as {@code POST /Users} does (codec, lenient dialect, RFC validation), then
 * handed straight to the store's {@code create}, skipping only the HTTP-shaped request and the
 * rendering of the 201 response.
 */
final class Population {
    static final SchemaRegistry REGISTRY = SchemaRegistry.core();
    static final String TENANT = StoreContext.DEFAULT_TENANT;

    private static final ClientDialect DIALECT = ClientDialect.lenient();
    private static final ResourceCodec CODEC = ResourceCodec.of(REGISTRY);
    private static final ResourceValidator VALIDATOR = ResourceValidator.of(REGISTRY, ValidationSettings.rfc());

    private Population() {
    }

    /** The userName of user number {@code i}. */
    static String userName(int i) {
        return "user" + i + "@contoso.example";
    }

    /** The create body of user number {@code i}: sample 05a with its own names, ids and manager. */
    static byte[] userJson(int i) {
        String name = "user" + i;
        String json = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\","
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"],"
                + "\"externalId\":\"" + name + "\","
                + "\"userName\":\"" + userName(i) + "\","
                + "\"active\":true,"
                + "\"displayName\":\"User " + i + " Example\","
                + "\"title\":\"Staff Engineer\","
                + "\"preferredLanguage\":\"en-US\","
                + "\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\"" + userName(i) + "\"}],"
                + "\"meta\":{\"resourceType\":\"User\"},"
                + "\"name\":{\"formatted\":\"User " + i + " Example\",\"familyName\":\"Example\",\"givenName\":\"User "
                + i + "\"},"
                + "\"addresses\":[{\"type\":\"work\",\"formatted\":\"Building 7\",\"streetAddress\":\"1 Main Street\","
                + "\"locality\":\"Springfield\",\"region\":\"WA\",\"postalCode\":\"98000\",\"country\":\"US\"}],"
                + "\"phoneNumbers\":[{\"type\":\"work\",\"value\":\"+1 555 " + i + "\"},"
                + "{\"type\":\"mobile\",\"value\":\"+1 556 " + i + "\"},"
                + "{\"type\":\"fax\",\"value\":\"+1 557 " + i + "\"}],"
                + "\"roles\":[],"
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{"
                + "\"employeeNumber\":\"" + (100000 + i) + "\",\"department\":\"Platform\","
                + "\"manager\":{\"value\":\"" + managerId(i) + "\"}}}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** A store context of the default tenant, as a request at this instant would carry it. */
    static StoreContext context(ResourceType type) {
        return new StoreContext(TENANT, "bench", type, Projection.none(REGISTRY, type), Instant.now());
    }

    /** Creates users {@code from} (inclusive) to {@code to} (exclusive); returns their store ids in order. */
    static List<String> addUsers(InMemoryStores stores, int from, int to) {
        StoreContext context = context(CoreSchemas.USER_RESOURCE_TYPE);
        List<String> ids = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            ScimResource sent = CODEC.read(userJson(i), CoreSchemas.USER_RESOURCE_TYPE);
            ScimResource normalized = DIALECT.normalizeResource(sent, CoreSchemas.USER_RESOURCE_TYPE, REGISTRY);
            ScimResource valid = VALIDATOR.validateForCreate(normalized, CoreSchemas.USER_RESOURCE_TYPE);
            ids.add(stores.users().create(context, ResourceCreate.of(valid)).id().orElseThrow());
        }
        return ids;
    }

    /** Creates a group with {@code size} members whose ids are {@code m-0 … m-(size-1)}; returns its id. */
    static String addGroup(InMemoryStores stores, String displayName, int size) {
        List<ScimValue> members = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            members.add(ComplexValue.builder().put("value", "m-" + i).put("type", "User").build());
        }
        ComplexValue body = ComplexValue.builder()
                .put("schemas", MultiValue.of(List.of(StringValue.of(CoreSchemas.GROUP.id()))))
                .put("displayName", displayName)
                .put("members", MultiValue.of(members))
                .build();
        ScimResource valid = VALIDATOR.validateForCreate(ScimResource.of(body), CoreSchemas.GROUP_RESOURCE_TYPE);
        return stores.groups().create(context(CoreSchemas.GROUP_RESOURCE_TYPE), ResourceCreate.of(valid)).id().orElseThrow();
    }

    private static String managerId(int i) {
        // Any id works: the store does not check references; a tenth of the users manage the rest.
        return "mgr-" + (i / 10);
    }
}
