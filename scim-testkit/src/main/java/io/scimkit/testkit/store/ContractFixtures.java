package io.scimkit.testkit.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.scimkit.core.codec.ResourceCodec;
import io.scimkit.core.filter.Filter;
import io.scimkit.core.filter.FilterParser;
import io.scimkit.core.filter.FilterSettings;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.resource.Projection;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.Sort;
import io.scimkit.core.store.SortOrder;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ReferenceValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Builds what the contract tests feed a store: resources from JSON (read with the core codec, as
 * the service would), contexts, filters and sorts; and reads attribute text back.
 */
final class ContractFixtures {
    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

    final SchemaRegistry registry;
    final ResourceType userType;
    final ResourceType groupType;
    private final ResourceCodec codec;

    ContractFixtures(SchemaRegistry registry) {
        this.registry = registry;
        this.codec = ResourceCodec.of(registry);
        this.userType = registry.resourceType("User").orElseThrow();
        this.groupType = registry.resourceType("Group").orElseThrow();
    }

    /** A User with this userName and optional extra JSON members (without braces). */
    ScimResource user(String userName, String... extraMembers) {
        StringBuilder json = new StringBuilder("{\"schemas\":[\"" + USER_SCHEMA + "\"],\"userName\":")
                .append(quote(userName));
        for (String member : extraMembers) {
            json.append(',').append(member);
        }
        return codec.read(json.append('}').toString().getBytes(UTF_8), userType);
    }

    /** A Group with this displayName and these member ids. */
    ScimResource group(String displayName, String... memberIds) {
        StringBuilder json = new StringBuilder("{\"schemas\":[\"" + GROUP_SCHEMA + "\"],\"displayName\":")
                .append(quote(displayName));
        if (memberIds.length > 0) {
            json.append(",\"members\":[");
            for (int i = 0; i < memberIds.length; i++) {
                json.append(i == 0 ? "" : ",").append("{\"value\":").append(quote(memberIds[i])).append(",\"type\":\"User\"}");
            }
            json.append(']');
        }
        return codec.read(json.append('}').toString().getBytes(UTF_8), groupType);
    }

    /** A member element: {@code {"value": id, "type": "User"}}. */
    static ComplexValue memberElement(String id) {
        return ComplexValue.builder().put("value", id).put("type", "User").build();
    }

    static List<ComplexValue> memberElements(List<String> ids) {
        List<ComplexValue> elements = new ArrayList<>();
        ids.forEach(id -> elements.add(memberElement(id)));
        return elements;
    }

    StoreContext context(String tenant, ResourceType type, Instant time) {
        return new StoreContext(tenant, "store-contract", type, Projection.none(registry, type),
                time);
    }

    StoreContext withoutMembers(StoreContext context) {
        return context.withProjection(Projection.of(registry, groupType, null, "members"));
    }

    static Filter filter(String text) {
        return FilterParser.parse(text, FilterSettings.lenient());
    }

    Sort sort(ResourceType type, String path, SortOrder order) {
        return new Sort(registry.resolve(type, AttributePath.parse(path)).orElseThrow(), order);
    }

    /** The text of a top-level string attribute, if any. */
    static Optional<String> text(ScimResource resource, String attribute) {
        return resource.get(attribute).map(ContractFixtures::textOf);
    }

    /** The text of a sub-attribute of a singular complex attribute, if any. */
    static Optional<String> text(ScimResource resource, String attribute, String sub) {
        return resource.get(attribute).filter(ComplexValue.class::isInstance)
                .map(value -> ((ComplexValue) value).getOrNull(sub)).map(ContractFixtures::textOf);
    }

    /** The member ids of a group, in order. */
    static List<String> memberIds(ScimResource group) {
        List<String> ids = new ArrayList<>();
        ScimValue members = group.get("members").orElse(MultiValue.EMPTY);
        if (members instanceof MultiValue multi) {
            for (ScimValue element : multi.values()) {
                if (element instanceof ComplexValue complex) {
                    ids.add(textOf(complex.getOrNull("value")));
                }
            }
        }
        return ids;
    }

    static String version(ScimResource resource) {
        return resource.meta().orElseThrow(() -> new AssertionError("no meta")).versionTag()
                .orElseThrow(() -> new AssertionError("no meta.version"));
    }

    static String id(ScimResource resource) {
        return resource.id().orElseThrow(() -> new AssertionError("no id"));
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static @Nullable String textOf(@Nullable ScimValue value) {
        if (value instanceof StringValue string) {
            return string.value();
        }
        return value instanceof ReferenceValue reference ? reference.uri() : null;
    }
}
