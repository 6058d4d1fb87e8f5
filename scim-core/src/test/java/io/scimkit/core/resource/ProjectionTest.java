package io.scimkit.core.resource;

import static io.scimkit.core.resource.ResourceFixtures.ENTERPRISE;
import static io.scimkit.core.resource.ResourceFixtures.GROUP;
import static io.scimkit.core.resource.ResourceFixtures.REGISTRY;
import static io.scimkit.core.resource.ResourceFixtures.USER;
import static io.scimkit.core.resource.ResourceFixtures.golden;
import static io.scimkit.core.resource.ResourceFixtures.goldenTree;
import static io.scimkit.core.resource.ResourceFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.AttributeType;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.Mutability;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.Returned;
import io.scimkit.core.schema.Schema;
import io.scimkit.core.schema.SchemaRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Projection} over the golden BJensen Enterprise User (RFC 7643 §8.3, with {@code password})
 * and Tour Guides group (§8.4): each P-ATT row of the digest as a table of query parameters and
 * the expected response body, compared as Jackson trees.
 *
 * <p>An expected body is either inline JSON or {@code "golden - a, b/c"}: the golden file without
 * the listed members, where {@code b/c} removes sub-attribute {@code c} of {@code b} (in every
 * element of a multi-valued {@code b}).
 */
class ProjectionTest {
    private static final String USER_FILE = "bjensen-enterprise-user.json";
    private static final String GROUP_FILE = "tour-guides-group.json";
    private static final String ID = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\","
            + "\"" + ENTERPRISE + "\"],\"id\":\"2819c223-7f76-453a-919d-413861904646\"";

    static Stream<Arguments> userQueries() {
        return Stream.of(
                // P-ATT-06: no parameters is the default set; password is never returned (P-ATT-10).
                row("P-ATT-06 none", null, null, "golden - password"),
                row("P-ATT-06 attributes=userName", "userName", null, "{" + ID + ",\"userName\":\"bjensen@example.com\"}"),
                row("P-ATT-06 two names", "userName,displayName", null,
                        "{" + ID + ",\"userName\":\"bjensen@example.com\",\"displayName\":\"Babs Jensen\"}"),
                row("P-ATT-04 blanks and empty entries", " userName , ,displayName,", null,
                        "{" + ID + ",\"userName\":\"bjensen@example.com\",\"displayName\":\"Babs Jensen\"}"),
                row("P-ATT-07 name.givenName", "name.givenName", null, "{" + ID + ",\"name\":{\"givenName\":\"Barbara\"}}"),
                row("P-ATT-07 two sub-attributes", "name.givenName,name.familyName", null,
                        "{" + ID + ",\"name\":{\"familyName\":\"Jensen\",\"givenName\":\"Barbara\"}}"),
                row("P-ATT-07 sub-attribute of MV", "emails.value", null,
                        "{" + ID + ",\"emails\":[{\"value\":\"bjensen@example.com\"},{\"value\":\"babs@jensen.org\"}]}"),
                row("P-ATT-07 sub-attribute and its parent", "name.givenName,name", null,
                        "{" + ID + ",\"name\":" + goldenTree(USER_FILE).get("name") + "}"),
                row("P-ATT-05 case-insensitive", "USERNAME,Name.GivenName", null,
                        "{" + ID + ",\"userName\":\"bjensen@example.com\",\"name\":{\"givenName\":\"Barbara\"}}"),
                row("P-ATT-05 base URN prefix", "urn:ietf:params:scim:schemas:core:2.0:User:userName", null,
                        "{" + ID + ",\"userName\":\"bjensen@example.com\"}"),
                row("P-ATT-05 URN prefix in other case", "URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER:name.givenName", null,
                        "{" + ID + ",\"name\":{\"givenName\":\"Barbara\"}}"),
                row("P-ATT-05 extension sub-attribute", ENTERPRISE + ":manager.value", null,
                        "{" + ID + ",\"" + ENTERPRISE + "\":{\"manager\":{\"value\":\"26118915-6090-4610-87e4-49d8ca9f808d\"}}}"),
                row("P-ATT-05 extension attribute", ENTERPRISE + ":employeeNumber", null,
                        "{" + ID + ",\"" + ENTERPRISE + "\":{\"employeeNumber\":\"701984\"}}"),
                row("P-ATT-05 bare extension URN", ENTERPRISE, null,
                        "{" + ID + ",\"" + ENTERPRISE + "\":" + goldenTree(USER_FILE).get(ENTERPRISE) + "}"),
                row("P-ATT-05 bare base URN", "urn:ietf:params:scim:schemas:core:2.0:User", null,
                        "golden - password, externalId, meta, " + ENTERPRISE),
                row("P-ATT-06 meta sub-attribute", "meta.created", null, "{" + ID + ",\"meta\":{\"created\":\"2010-01-23T04:56:22Z\"}}"),
                row("P-ATT-06 meta whole", "meta", null, "{" + ID + ",\"meta\":" + goldenTree(USER_FILE).get("meta") + "}"),
                row("K-47 schemas named", "schemas", null, "{" + ID + "}"),
                row("P-ATT-09 id named", "id", null, "{" + ID + "}"),
                row("P-ATT-10 password named", "password", null, "{" + ID + "}"),
                row("P-ATT-10 password with others", "userName,password", null, "{" + ID + ",\"userName\":\"bjensen@example.com\"}"),
                row("unknown name ignored in attributes", "nosuchAttribute,name.nosuch", null, "{" + ID + "}"),
                row("unknown extension URN ignored", "urn:example:ext:1.0:User:badge", null, "{" + ID + "}"),
                row("readOnly manager.displayName returned", ENTERPRISE + ":manager.displayName", null,
                        "{" + ID + ",\"" + ENTERPRISE + "\":{\"manager\":{\"displayName\":\"John Smith\"}}}"),
                row("P-ATT-08 excluded", null, "emails,meta", "golden - password, emails, meta"),
                row("P-ATT-09 excluded id", null, "id", "golden - password"),
                row("P-ATT-09 excluded schemas", null, "schemas,ID", "golden - password"),
                row("P-ATT-08 excluded sub-attribute", null, "name.givenName", "golden - password, name/givenName"),
                row("P-ATT-08 excluded sub-attribute of MV", null, "emails.type,emails.primary",
                        "golden - password, emails/type, emails/primary"),
                row("P-ATT-08 excluded extension attribute", null, ENTERPRISE + ":manager",
                        "golden - password, " + ENTERPRISE + "/manager"),
                row("P-ATT-08 excluded bare extension keeps URN in schemas", null, ENTERPRISE,
                        "golden - password, " + ENTERPRISE),
                row("extension emptied by exclusion is dropped", null, String.join(",",
                        ENTERPRISE + ":employeeNumber", ENTERPRISE + ":costCenter", ENTERPRISE + ":organization",
                        ENTERPRISE + ":division", ENTERPRISE + ":department", ENTERPRISE + ":manager"),
                        "golden - password, " + ENTERPRISE),
                row("P-ATT-10 excluded password", null, "password", "golden - password"),
                row("unknown name ignored in excludedAttributes", null, "nosuchAttribute", "golden - password"),
                row("K-46 empty attributes counts as absent", "", "meta", "golden - password, meta"),
                row("K-46 empty excludedAttributes counts as absent", "userName", " , ", "{" + ID + ",\"userName\":\"bjensen@example.com\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("userQueries")
    void projectsTheEnterpriseUser(String id, String attributes, String excluded, String expected) {
        Projection projection = Projection.of(REGISTRY, USER, attributes, excluded);

        ScimResource projected = projection.apply(golden(USER_FILE, USER), Set.of());

        assertThat(tree(projected)).isEqualTo(expected(USER_FILE, expected));
    }

    static Stream<Arguments> groupQueries() {
        String id = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"id\":\"e9e30dba-f08f-4109-8486-d5c6a331660a\"";
        return Stream.of(
                row("none", null, null, "golden - "),
                row("DESIGN excludedAttributes=members (Entra lookup)", null, "members", "golden - members"),
                row("P-ATT-06 displayName", "displayName", null, "{" + id + ",\"displayName\":\"Tour Guides\"}"),
                row("P-ATT-07 members.value", "members.value", null, "{" + id + ",\"members\":["
                        + "{\"value\":\"2819c223-7f76-453a-919d-413861904646\"},"
                        + "{\"value\":\"902c246b-6245-4190-8e05-00816be7344a\"}]}"),
                row("P-ATT-08 members.$ref excluded", null, "members.$ref,meta", "golden - meta, members/$ref"),
                row("User attribute on a group is unknown", "userName", null, "{" + id + "}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groupQueries")
    void projectsTheGroup(String id, String attributes, String excluded, String expected) {
        Projection projection = Projection.of(REGISTRY, GROUP, attributes, excluded);

        ScimResource projected = projection.apply(golden(GROUP_FILE, GROUP), Set.of());

        assertThat(tree(projected)).isEqualTo(expected(GROUP_FILE, expected));
    }

    @Test
    void searchRequestListsProjectLikeTheUrlForm() {
        ScimResource user = golden(USER_FILE, USER);
        Projection fromList = Projection.of(REGISTRY, USER, List.of("userName", "name.givenName"), List.of());
        Projection fromUrl = Projection.of(REGISTRY, USER, "userName,name.givenName", null);

        assertThat(tree(fromList.apply(user, Set.of()))).isEqualTo(tree(fromUrl.apply(user, Set.of())));
        assertThat(tree(fromList.apply(user, Set.of())).has("displayName")).isFalse();
    }

    @Test
    void noneIsTheDefaultSet() {
        ScimResource user = golden(USER_FILE, USER);

        assertThat(tree(Projection.none(REGISTRY, USER).apply(user, Set.of())))
                .isEqualTo(expected(USER_FILE, "golden - password"));
    }

    @ParameterizedTest(name = "attributes={0} excludedAttributes={1}")
    @CsvSource(delimiter = '|', value = {
        "userName | meta",
        "userName | userName",
        "id       | members",
    })
    void bothParametersAreInvalidValue(String attributes, String excluded) {
        // K-46: the parameters are mutually exclusive; we answer 400 invalidValue.
        assertThatThrownBy(() -> Projection.of(REGISTRY, USER, attributes, excluded))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).contains(ScimErrorType.INVALID_VALUE);
                    assertThat(e.detail()).contains("mutually exclusive");
                });
        assertThatThrownBy(() -> Projection.of(REGISTRY, USER, List.of(attributes), List.of(excluded)))
                .isInstanceOf(ScimException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "'emails[type eq \"work\"]'",
        "name.givenName.first",
        "1userName",
        "user name",
        "'urn:ietf:params:scim:schemas:core:2.0:User:'",
    })
    void malformedNamesAreInvalidValue(String name) {
        assertThatThrownBy(() -> Projection.of(REGISTRY, USER, name, null))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).contains(ScimErrorType.INVALID_VALUE);
                    assertThat(e.detail()).contains("attributes");
                });
        assertThatThrownBy(() -> Projection.of(REGISTRY, USER, null, name))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.detail()).contains("excludedAttributes"));
    }

    @ParameterizedTest(name = "{0} / {1}: includes({2}) = {3}")
    @CsvSource(delimiter = '|', value = {
        "     |                   | members                    | true",
        "     | members           | members                    | false",
        "     | members           | members.value              | false",
        "     | members           | displayName                | true",
        "     | MEMBERS           | id                         | true",
        "     | id                | id                         | true",
        "displayName |            | members                    | false",
        "displayName |            | id                         | true",
        "displayName |            | meta                       | false",
        "members.value |          | members                    | true",
        "members.value |          | members.value              | true",
        "members.value |          | members.display            | false",
        "     |                   | nosuch                     | false",
    })
    void includesTellsAGroupStoreWhatToLoad(String attributes, String excluded, String path, boolean expected) {
        Projection projection = Projection.of(REGISTRY, GROUP, attributes, excluded);

        assertThat(projection.includes(AttributePath.parse(path))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} / {1}: includes({2}) = {3}")
    @CsvSource(delimiter = '|', value = {
        "     |          | password                                                           | false",
        "password |      | password                                                           | false",
        "name.givenName | | name                                                            | true",
        "name.givenName | | name.familyName                                                 | false",
        "name.givenName | | NAME.GIVENNAME                                                  | true",
        "     | name.givenName | name.givenName                                             | false",
        "     | name.givenName | name.familyName                                            | true",
        "     |          | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User         | true",
        "     | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User | false",
        "     | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value | false",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager | | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User | true",
        "userName |      | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User         | false",
        "userName |      | urn:ietf:params:scim:schemas:core:2.0:User:userName                | true",
    })
    void includesAnswersForUsers(String attributes, String excluded, String path, boolean expected) {
        Projection projection = Projection.of(REGISTRY, USER, attributes, excluded);

        assertThat(projection.includes(AttributePath.parse(path))).isEqualTo(expected);
    }

    /** Group with members {@code returned: request} (K-47's per-deployment option), plus a test widget type. */
    private static final SchemaRegistry REQUEST_REGISTRY = requestRegistry();
    private static final ResourceType REQUEST_GROUP = REQUEST_REGISTRY.resourceType("Group").orElseThrow();
    private static final ResourceType WIDGET = REQUEST_REGISTRY.resourceType("Widget").orElseThrow();

    private static SchemaRegistry requestRegistry() {
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (AttributeDefinition attribute : CoreSchemas.GROUP.attributes()) {
            attributes.add(attribute.name().equals("members")
                    ? attribute.toBuilder().returned(Returned.REQUEST).build()
                    : attribute);
        }
        Schema group = new Schema(CoreSchemas.GROUP_URN, "Group", "Group", attributes);
        Schema widget = new Schema("urn:example:scim:Widget", "Widget", "test", List.of(
                AttributeDefinition.builder("label").build(),
                AttributeDefinition.builder("secret").returned(Returned.REQUEST).build(),
                AttributeDefinition.builder("pin").mutability(Mutability.WRITE_ONLY).build(),
                AttributeDefinition.builder("serial").returned(Returned.ALWAYS).build(),
                AttributeDefinition.builder("detail").subAttributes(
                        AttributeDefinition.builder("shown").build(),
                        AttributeDefinition.builder("asked").returned(Returned.REQUEST).build(),
                        AttributeDefinition.builder("fixed").returned(Returned.ALWAYS).build(),
                        AttributeDefinition.builder("hidden").type(AttributeType.STRING).returned(Returned.NEVER).build())
                        .build()));
        return SchemaRegistry.builder().schema(group).schema(widget)
                .resourceType(CoreSchemas.GROUP_RESOURCE_TYPE)
                .resourceType(ResourceType.of("Widget", "test", "/Widgets", widget.id(), List.of()))
                .build();
    }

    static Stream<Arguments> requestMembers() {
        return Stream.of(
                // P-ATT-11: in a query, only when named.
                Arguments.of("query, none", null, null, "", false),
                Arguments.of("query, attributes=members", "members", null, "", true),
                Arguments.of("query, attributes=members.value", "members.value", null, "", true),
                Arguments.of("query, excludedAttributes=displayName", null, "displayName", "", false),
                // P-ATT-11: in a write response, when the request supplied or modified them.
                Arguments.of("PATCH members, none", null, null, "members", true),
                Arguments.of("PATCH members.value, none", null, null, "members.value", true),
                Arguments.of("PATCH qualified path", null, null, "urn:ietf:params:scim:schemas:core:2.0:Group:MEMBERS", true),
                Arguments.of("PATCH displayName, none", null, null, "displayName", false),
                Arguments.of("PATCH members, excludedAttributes=meta", null, "meta", "members", true),
                Arguments.of("PATCH members, excludedAttributes=members", null, "members", "members", false),
                Arguments.of("PATCH members, attributes=displayName", "displayName", null, "members", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestMembers")
    void requestMembersFollowP_ATT_11(String id, String attributes, String excluded, String modified,
            boolean membersReturned) {
        Projection projection = Projection.of(REQUEST_REGISTRY, REQUEST_GROUP, attributes, excluded);
        Set<AttributePath> requestModified = modified.isEmpty() ? Set.of() : Set.of(AttributePath.parse(modified));

        JsonNode projected = tree(projection.apply(golden(GROUP_FILE, REQUEST_GROUP), requestModified));

        assertThat(projected.has("members")).isEqualTo(membersReturned);
        assertThat(projected.has("id")).isTrue();
        assertThat(projection.includes(AttributePath.of("members"))).isEqualTo(attributes != null && attributes.startsWith("members"));
    }

    static Stream<Arguments> widgetQueries() {
        String always = "\"schemas\":[\"urn:example:scim:Widget\"],\"serial\":\"S1\"";
        return Stream.of(
                Arguments.of("none", null, null, "",
                        "{" + always + ",\"label\":\"L\",\"detail\":{\"shown\":\"s\",\"fixed\":\"f\"}}"),
                Arguments.of("P-ATT-13 writeOnly named", "pin", null, "", "{" + always + "}"),
                Arguments.of("P-ATT-11 request named", "secret", null, "", "{" + always + ",\"secret\":\"x\"}"),
                Arguments.of("P-ATT-11 request modified", null, null, "secret",
                        "{" + always + ",\"label\":\"L\",\"secret\":\"x\",\"detail\":{\"shown\":\"s\",\"fixed\":\"f\"}}"),
                Arguments.of("request sub-attribute modified", null, null, "detail.asked",
                        "{" + always + ",\"label\":\"L\",\"detail\":{\"shown\":\"s\",\"asked\":\"a\",\"fixed\":\"f\"}}"),
                Arguments.of("naming the parent names its request sub-attribute", "detail", null, "",
                        "{" + always + ",\"detail\":{\"shown\":\"s\",\"asked\":\"a\",\"fixed\":\"f\"}}"),
                Arguments.of("always sub-attribute comes with a named sibling", "detail.shown", null, "",
                        "{" + always + ",\"detail\":{\"shown\":\"s\",\"fixed\":\"f\"}}"),
                Arguments.of("always sub-attribute survives its exclusion", null, "detail.fixed,detail.shown", "",
                        "{" + always + ",\"label\":\"L\",\"detail\":{\"fixed\":\"f\"}}"),
                Arguments.of("excluded parent takes its always sub-attribute along", null, "detail", "",
                        "{" + always + ",\"label\":\"L\"}"),
                Arguments.of("never sub-attribute named: only the always sibling", "detail.hidden", null, "",
                        "{" + always + ",\"detail\":{\"fixed\":\"f\"}}"),
                Arguments.of("never attribute named", "pin,secret", null, "", "{" + always + ",\"secret\":\"x\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("widgetQueries")
    void returnedCharacteristicsOfACustomType(String id, String attributes, String excluded, String modified,
            String expected) {
        ScimResource widget = io.scimkit.core.codec.ResourceCodec.of(REQUEST_REGISTRY).read(("{\"schemas\":[\"urn:example:scim:Widget\"],\"serial\":\"S1\","
                + "\"label\":\"L\",\"secret\":\"x\",\"pin\":\"1234\","
                + "\"detail\":{\"shown\":\"s\",\"asked\":\"a\",\"fixed\":\"f\",\"hidden\":\"h\"}}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), WIDGET);
        Set<AttributePath> requestModified = modified.isEmpty() ? Set.of() : Set.of(AttributePath.parse(modified));

        ScimResource projected = Projection.of(REQUEST_REGISTRY, WIDGET, attributes, excluded).apply(widget, requestModified);

        assertThat(tree(projected)).isEqualTo(tree(expected));
    }

    @Test
    void membersTheSchemaDoesNotDefineFollowTheDefaultRule() {
        ScimResource user = golden(USER_FILE, USER).with("x-legacy", io.scimkit.core.value.StringValue.of("kept"));

        assertThat(tree(Projection.none(REGISTRY, USER).apply(user, Set.of())).has("x-legacy")).isTrue();
        assertThat(tree(Projection.of(REGISTRY, USER, null, "meta").apply(user, Set.of())).has("x-legacy")).isTrue();
        assertThat(tree(Projection.of(REGISTRY, USER, "userName", null).apply(user, Set.of())).has("x-legacy")).isFalse();
    }

    private static Arguments row(String id, String attributes, String excluded, String expected) {
        return Arguments.of(id, attributes, excluded, expected);
    }

    private static JsonNode expected(String file, String spec) {
        if (spec.startsWith("{")) {
            return tree(spec);
        }
        ObjectNode expected = goldenTree(file);
        String removals = spec.substring("golden - ".length()).strip();
        List<String> paths = removals.isEmpty() ? List.of()
                : Arrays.stream(removals.split(",")).map(String::strip).collect(Collectors.toList());
        for (String path : paths) {
            int slash = path.indexOf('/');
            if (slash < 0) {
                expected.remove(path);
                continue;
            }
            JsonNode parent = expected.get(path.substring(0, slash));
            String sub = path.substring(slash + 1);
            if (parent.isArray()) {
                parent.forEach(element -> ((ObjectNode) element).remove(sub));
            } else {
                ((ObjectNode) parent).remove(sub);
            }
        }
        return expected;
    }
}
