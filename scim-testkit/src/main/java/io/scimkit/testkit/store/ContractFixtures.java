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
import io.scimkit.core.store.MemberChanges;
import io.scimkit.core.store.ResourceCreate;
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
 * Builds what the contract tests hand a store, as the core would: bodies read from JSON with the
 * core codec, without {@code id}, {@code meta} and {@code members} (a group's members travel
 * separately), contexts, filters and sorts; and reads attribute text back.
 */
final class ContractFixtures {
    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String PRINCIPAL = "store-contract";

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

    /** The JSON of a User with this userName and extra JSON members (each {@code "name":value}). */
    static String userJson(String userName, String... extraMembers) {
        StringBuilder json = new StringBuilder("{\"schemas\":[\"" + USER_SCHEMA + "\"],\"userName\":")
                .append(quote(userName));
        for (String member : extraMembers) {
            json.append(',').append(member);
        }
        return json.append('}').toString();
    }

    /** The JSON of a Group with this displayName and these member ids. */
    static String groupJson(String displayName, String... memberIds) {
        StringBuilder json = new StringBuilder("{\"schemas\":[\"" + GROUP_SCHEMA + "\"],\"displayName\":")
                .append(quote(displayName));
        if (memberIds.length > 0) {
            json.append(",\"members\":[");
            for (int i = 0; i < memberIds.length; i++) {
                json.append(i == 0 ? "" : ",").append("{\"value\":").append(quote(memberIds[i])).append('}');
            }
            json.append(']');
        }
        return json.append('}').toString();
    }

    /** A User body with this userName and extra JSON members. */
    ScimResource user(String userName, String... extraMembers) {
        return read(userJson(userName, extraMembers), userType);
    }

    /** A User that has a value for nearly every attribute of RFC 7643 §4.1 and the enterprise extension. */
    ScimResource richUser(String userName) {
        return read("{\"schemas\":[\"" + USER_SCHEMA + "\",\"" + ENTERPRISE_SCHEMA + "\"],"
                + "\"userName\":" + quote(userName) + ",\"externalId\":\"ext-701984\","
                + "\"name\":{\"formatted\":\"Ms. Barbara J Jensen, III\",\"familyName\":\"Jensen\","
                + "\"givenName\":\"Barbara\",\"middleName\":\"Jane\",\"honorificPrefix\":\"Ms.\","
                + "\"honorificSuffix\":\"III\"},"
                + "\"displayName\":\"Babs Jensen\",\"nickName\":\"Babs\","
                + "\"profileUrl\":\"https://login.example.com/bjensen\",\"title\":\"Tour Guide\","
                + "\"userType\":\"Employee\",\"preferredLanguage\":\"en-US\",\"locale\":\"en-US\","
                + "\"timezone\":\"America/Los_Angeles\",\"active\":true,"
                + "\"emails\":[{\"value\":\"bjensen@example.com\",\"type\":\"work\",\"primary\":true},"
                + "{\"value\":\"babs@jensen.org\",\"type\":\"home\"}],"
                + "\"phoneNumbers\":[{\"value\":\"tel:+1-201-555-0123\",\"type\":\"work\"}],"
                + "\"ims\":[{\"value\":\"someaimhandle\",\"type\":\"aim\"}],"
                + "\"addresses\":[{\"type\":\"work\",\"streetAddress\":\"100 Universal City Plaza\","
                + "\"locality\":\"Hollywood\",\"region\":\"CA\",\"postalCode\":\"91608\",\"country\":\"US\","
                + "\"primary\":true}],"
                + "\"roles\":[{\"value\":\"tour-guide\",\"display\":\"Tour guide\"}],"
                + "\"entitlements\":[{\"value\":\"park-access\"}],"
                + "\"" + ENTERPRISE_SCHEMA + "\":{\"employeeNumber\":\"701984\",\"costCenter\":\"4130\","
                + "\"organization\":\"Universal Studios\",\"division\":\"Theme Park\","
                + "\"department\":\"Tour Operations\","
                + "\"manager\":{\"value\":\"26118915-6090-4610-87e4-49d8ca9f808d\"}}}", userType);
    }

    /** A Group body (without members) with this displayName and extra JSON members. */
    ScimResource group(String displayName, String... extraMembers) {
        StringBuilder json = new StringBuilder(groupJson(displayName));
        json.setLength(json.length() - 1);
        for (String member : extraMembers) {
            json.append(',').append(member);
        }
        return read(json.append('}').toString(), groupType);
    }

    /** What the core hands {@code create} for a new group with these members. */
    ResourceCreate newGroup(String displayName, List<String> memberIds) {
        return new ResourceCreate(group(displayName), memberElements(memberIds));
    }

    /** Member elements {@code {"value": id, "type": "User"}}, as the core hands them over. */
    static List<ComplexValue> memberElements(List<String> ids) {
        List<ComplexValue> elements = new ArrayList<>();
        ids.forEach(id -> elements.add(ComplexValue.builder().put("value", id).put("type", "User").build()));
        return elements;
    }

    static MemberChanges adding(String... ids) {
        return MemberChanges.add(memberElements(List.of(ids)));
    }

    StoreContext context(String tenant, ResourceType type, Instant time) {
        return new StoreContext(tenant, PRINCIPAL, type, Projection.none(registry, type), time);
    }

    /** The context of a group read with {@code excludedAttributes=members}. */
    StoreContext withoutMembers(StoreContext context) {
        return context.withProjection(Projection.of(registry, groupType, null, "members"));
    }

    static Filter filter(String text) {
        return FilterParser.parse(text, FilterSettings.lenient());
    }

    Sort sort(ResourceType type, String path, SortOrder order) {
        return new Sort(registry.resolve(type, AttributePath.parse(path)).orElseThrow(), order);
    }

    private ScimResource read(String json, ResourceType type) {
        return codec.read(json.getBytes(UTF_8), type);
    }

    /** The text of a top-level string attribute, if any. */
    static Optional<String> text(ScimResource resource, String attribute) {
        return resource.get(attribute).map(ContractFixtures::textOf);
    }

    /** The member ids of a group, in order; empty if it has no {@code members}. */
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
        return resource.meta().flatMap(meta -> meta.versionTag()).orElseThrow(() -> new AssertionError(
                "every resource a store returns has meta.version (use Versions.weak(revision)), but this one has none: "
                        + resource.body()));
    }

    static String id(ScimResource resource) {
        return resource.id().orElseThrow(() -> new AssertionError(
                "every resource a store returns has its id, but this one has none: " + resource.body()));
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
