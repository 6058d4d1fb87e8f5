package io.scimkit.core.resource;

import static io.scimkit.core.resource.ResourceFixtures.ENTERPRISE;
import static io.scimkit.core.resource.ResourceFixtures.GROUP;
import static io.scimkit.core.resource.ResourceFixtures.REGISTRY;
import static io.scimkit.core.resource.ResourceFixtures.USER;
import static io.scimkit.core.resource.ResourceFixtures.golden;
import static io.scimkit.core.resource.ResourceFixtures.goldenTree;
import static io.scimkit.core.resource.ResourceFixtures.read;
import static io.scimkit.core.resource.ResourceFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.schema.UnknownAttributePolicy;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.StringValue;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ResourceValidator}: valid resources pass (with the documented cleaning), each violation
 * gives its status, scimType and detail, the most important of several problems wins, and the
 * deployment settings (required attributes, unknown attributes, canonical values) work both ways.
 */
class ResourceValidatorTest {
    private static final ResourceValidator RFC = ResourceValidator.of(REGISTRY, ValidationSettings.rfc());
    /** An application that needs a mail address and the client's identifier for every user. */
    private static final ResourceValidator EXTRA_USER_ATTRIBUTES = ResourceValidator.of(REGISTRY,
            ValidationSettings.rfc().requireUserAttributes("emails", "externalId"));
    private static final ResourceValidator STRICT = ResourceValidator.of(REGISTRY, ValidationSettings.rfc()
            .withUnknownAttributes(UnknownAttributePolicy.REJECT).withCanonicalValues(CanonicalValuePolicy.REJECT));
    private static final String USER_SCHEMAS = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]";
    private static final String GROUP_SCHEMAS = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"]";

    @Test
    void storedGoldenUserPassesUnchanged() {
        ScimResource user = golden("bjensen-enterprise-user.json", USER);

        assertThat(RFC.validateStored(user, USER)).isEqualTo(user);
        assertThat(STRICT.validateStored(user, USER)).isEqualTo(user);
        assertThat(EXTRA_USER_ATTRIBUTES.validateStored(user, USER)).isEqualTo(user);
    }

    @Test
    void storedGoldenGroupPassesUnchanged() {
        ScimResource group = golden("tour-guides-group.json", GROUP);

        assertThat(STRICT.validateStored(group, GROUP)).isEqualTo(group);
    }

    @Test
    void createStripsReadOnlyAttributes() {
        // P-CRT-04, S-RES-07, S-ENT-04: id, meta, groups and manager.displayName are ignored on create.
        ScimResource created = RFC.validateForCreate(golden("bjensen-enterprise-user.json", USER), USER);

        ObjectNode expected = goldenTree("bjensen-enterprise-user.json");
        expected.remove(java.util.List.of("id", "meta", "groups"));
        ((ObjectNode) expected.get(ENTERPRISE).get("manager")).remove("displayName");
        assertThat(tree(created)).isEqualTo(expected);
        assertThat(RFC.validateForCreate(created, USER)).isEqualTo(created);
    }

    @Test
    void entraCreateBodyPassesRequiredUserAttributesWithoutMetaAndEmptyRoles() {
        // Entra Q13: client meta and "roles": [] are dropped; the rest stays as sent.
        ScimResource created = EXTRA_USER_ATTRIBUTES.validateForCreate(golden("entra-create-user.json", USER), USER);

        ObjectNode expected = goldenTree("entra-create-user.json");
        expected.remove(java.util.List.of("meta", "roles"));
        assertThat(tree(created)).isEqualTo(expected);
    }

    @Test
    void managerWithOnlyItsReadOnlyDisplayNameIsDroppedOnCreate() {
        ScimResource created = RFC.validateForCreate(read("{" + USER_SCHEMAS.replace("]", ",\"" + ENTERPRISE + "\"]")
                + ",\"userName\":\"u\",\"" + ENTERPRISE + "\":{\"manager\":{\"displayName\":\"Boss\"}}}", USER), USER);

        assertThat(tree(created)).isEqualTo(tree("{" + USER_SCHEMAS.replace("]", ",\"" + ENTERPRISE + "\"]")
                + ",\"userName\":\"u\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // RFC 7643 §2.5, Q12: null and [] are unassigned and removed.
        "nulls and empty arrays | `{S,\"userName\":\"u\",\"title\":null,\"addresses\":null,\"roles\":[],\"emails\":[null]}` | `{S,\"userName\":\"u\"}`",
        "K-65 empty strings     | `{S,\"userName\":\"u\",\"nickName\":\"\",\"name\":{\"givenName\":\"\",\"familyName\":\"J\"}}` | `{S,\"userName\":\"u\",\"name\":{\"familyName\":\"J\"}}`",
        "empty complex value    | `{S,\"userName\":\"u\",\"name\":{},\"emails\":[{},{\"value\":null}]}` | `{S,\"userName\":\"u\"}`",
        "unknown top-level, sub-attribute and extension member ignored | `{S,\"userName\":\"u\",\"department\":null,\"x\":1,\"name\":{\"nick\":\"n\",\"givenName\":\"G\"}}` | `{S,\"userName\":\"u\",\"name\":{\"givenName\":\"G\"}}`",
        "Q12 misspelt extension key is an unknown attribute | `{S,\"userName\":\"u\",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0User\":{\"department\":\"D\"}}` | `{S,\"userName\":\"u\"}`",
        "single value for a multi-valued attribute | `{S,\"userName\":\"u\",\"emails\":{\"value\":\"a@b\"}}` | `{S,\"userName\":\"u\",\"emails\":[{\"value\":\"a@b\"}]}`",
        "extension URN missing from schemas is added | `{S,\"userName\":\"u\",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"D\"}}` | `{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"],\"userName\":\"u\",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"D\"}}`",
        "schemas deduplicated and spelt as registered | `{\"schemas\":[\"URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER\",\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"u\"}` | `{S,\"userName\":\"u\"}`",
        "extension in schemas without its object stays | `{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"],\"userName\":\"u\"}` | `{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"],\"userName\":\"u\"}`",
        "one primary is fine    | `{S,\"userName\":\"u\",\"emails\":[{\"value\":\"a\",\"primary\":true},{\"value\":\"b\",\"primary\":false}]}` | `{S,\"userName\":\"u\",\"emails\":[{\"value\":\"a\",\"primary\":true},{\"value\":\"b\",\"primary\":false}]}`",
        "non-canonical type accepted by default | `{S,\"userName\":\"u\",\"emails\":[{\"value\":\"a\",\"type\":\"office\"}]}` | `{S,\"userName\":\"u\",\"emails\":[{\"value\":\"a\",\"type\":\"office\"}]}`",
    })
    void cleansUserBodies(String id, String body, String expected) {
        ScimResource cleaned = RFC.validateForCreate(read(user(body), USER), USER);

        assertThat(tree(cleaned)).isEqualTo(tree(user(expected)));
        assertThat(RFC.validateForCreate(cleaned, USER)).isEqualTo(cleaned);
        assertThat(RFC.validateStored(cleaned, USER)).isEqualTo(cleaned);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // K-60
        "K-60 schemas missing     | `{\"userName\":\"u\"}`                                   | invalidSyntax | no 'schemas'",
        "K-60 schemas empty       | `{\"schemas\":[],\"userName\":\"u\"}`                    | invalidSyntax | no 'schemas'",
        "K-60 schemas null        | `{\"schemas\":null,\"userName\":\"u\"}`                  | invalidSyntax | no 'schemas'",
        "K-60 schemas of numbers  | `{\"schemas\":[1],\"userName\":\"u\"}`                   | invalidSyntax | array of schema URI strings",
        "K-60 schemas an object   | `{\"schemas\":{\"a\":1},\"userName\":\"u\"}`             | invalidSyntax | array of schema URI strings",
        "K-60 unknown URN         | `{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"urn:example:x\"],\"userName\":\"u\"}` | invalidValue | urn:example:x, which is not a schema of this service provider",
        "P-CRT-12 undeclared URN  | `{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"userName\":\"u\"}` | invalidValue | which resource type User does not use",
        "K-60 base schema missing | `{\"schemas\":[\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"],\"userName\":\"u\"}` | invalidValue | must list the base schema urn:ietf:params:scim:schemas:core:2.0:User",
        // P-CRT-15, S-USR-01, K-65
        "P-CRT-15 userName missing | `{S}`                                  | invalidValue | 'userName' is required",
        "P-CRT-15 userName empty   | `{S,\"userName\":\"\"}`                | invalidValue | 'userName' is required",
        "P-CRT-15 userName null    | `{S,\"userName\":null}`                | invalidValue | 'userName' is required",
        // S-ATTR types
        "S-ATTR-03 string boolean  | `{S,\"userName\":\"u\",\"active\":\"true\"}`   | invalidValue | 'active' must be a boolean",
        "S-ATTR-03 number string   | `{S,\"userName\":\"u\",\"title\":5}`           | invalidValue | 'title' must be a string",
        "S-ATTR-03 object string   | `{S,\"userName\":\"u\",\"title\":{\"a\":1}}`   | invalidValue | 'title' must be a string",
        "S-ATTR-03 array single    | `{S,\"userName\":[\"u\"]}`                     | invalidValue | 'userName' is single-valued",
        "S-ATTR-03 scalar complex  | `{S,\"userName\":\"u\",\"name\":\"Babs\"}`     | invalidValue | 'name' must be a JSON object",
        "S-ATTR-03 array complex   | `{S,\"userName\":\"u\",\"name\":[{\"givenName\":\"B\"}]}` | invalidValue | 'name' is single-valued",
        "S-ATTR-03 MV scalar       | `{S,\"userName\":\"u\",\"emails\":[\"a@b\"]}`  | invalidValue | values of 'emails' must be JSON objects",
        "S-ATTR-03 sub type        | `{S,\"userName\":\"u\",\"emails\":[{\"value\":\"a\",\"primary\":\"yes\"}]}` | invalidValue | 'emails.primary' must be a boolean",
        "S-ATTR-11 nested complex  | `{S,\"userName\":\"u\",\"name\":{\"givenName\":{\"x\":1}}}` | invalidValue | 'name.givenName' cannot hold a JSON object",
        "S-ATTR-07 binary          | `{S,\"userName\":\"u\",\"x509Certificates\":[{\"value\":\"not base64!\"}]}` | invalidValue | 'x509Certificates.value' must be base64",
        "S-ATTR-03 extension shape | `{S,\"userName\":\"u\",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":\"x\"}` | invalidValue | must be a JSON object holding the extension's attributes",
        "S-ATTR-03 extension value | `{S,\"userName\":\"u\",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"employeeNumber\":7}}` | invalidValue | 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber' must be a string",
        "Entra manager as string   | `{S,\"userName\":\"u\",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"manager\":\"boss\"}}` | invalidValue | 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager' must be a JSON object",
        // K-53
        "K-53 two primaries        | `{S,\"userName\":\"u\",\"emails\":[{\"value\":\"a\",\"primary\":true},{\"value\":\"b\",\"primary\":true}]}` | invalidValue | 'emails' has 2 values with primary true",
    })
    void rejectsUserBodies(String id, String body, String scimType, String fragment) {
        assertRejected(() -> RFC.validateForCreate(read(user(body), USER), USER), scimType, fragment);
        assertRejected(() -> RFC.validateStored(read(user(body), USER), USER), scimType, fragment);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "S-GRP-01 displayName missing | `{G}`                            | 'displayName' is required",
        "S-GRP-01 displayName empty   | `{G,\"displayName\":\"\"}`       | 'displayName' is required",
        "S-GRP-01 members only        | `{G,\"members\":[{\"value\":\"1\"}]}` | 'displayName' is required",
        "member not an object         | `{G,\"displayName\":\"g\",\"members\":[\"1\"]}` | values of 'members' must be JSON objects",
    })
    void rejectsGroupBodies(String id, String body, String fragment) {
        String json = body.replace("{G", "{" + GROUP_SCHEMAS);
        assertRejected(() -> RFC.validateForCreate(read(json, GROUP), GROUP), "invalidValue", fragment);
    }

    @Test
    void readOnlyValuesAreCheckedWhenStoredButIgnoredOnCreate() {
        ScimResource user = read(user("{S,\"userName\":\"u\",\"id\":5,\"meta\":{\"created\":\"2020-01-01\"}}"), USER);

        assertThat(tree(RFC.validateForCreate(user, USER))).isEqualTo(tree(user("{S,\"userName\":\"u\"}")));
        assertRejected(() -> RFC.validateStored(user, USER), "invalidValue", "'id' must be a string");
        assertRejected(() -> RFC.validateStored(user, USER), "invalidValue", "'meta.created' must be an xsd:dateTime");
    }

    @Test
    void mostImportantProblemWinsAndTheDetailListsOthers() {
        // SYNTAX beats TYPE beats REQUIRED; the detail names up to three and counts the rest.
        String body = "{\"active\":\"yes\",\"title\":1,\"nickName\":true,\"emails\":[\"x\"]}";
        assertThatThrownBy(() -> RFC.validateForCreate(read(body, USER), USER))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).contains(ScimErrorType.INVALID_SYNTAX);
                    assertThat(e.detail()).startsWith("The resource has no 'schemas'")
                            .contains(". Also: 'active' must be a boolean")
                            .contains("; 'title' must be a string")
                            .endsWith("; and 3 more problems");
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "schemas before types       | `{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"urn:x:y\"],\"active\":1}` | invalidValue | 'schemas' lists urn:x:y",
        "type before required       | `{S,\"active\":1}`                                       | invalidValue | 'active' must be a boolean",
        "type is not also required  | `{S,\"userName\":5}`                                     | invalidValue | 'userName' must be a string",
        "unknown before type        | `{S,\"userName\":\"u\",\"active\":1,\"shoeSize\":44}`    | invalidValue | 'shoeSize' is not an attribute of resource type User",
        "primary before required    | `{S,\"emails\":[{\"value\":\"a\",\"primary\":true},{\"value\":\"b\",\"primary\":true}]}` | invalidValue | 'emails' has 2 values",
        "canonical before required  | `{S,\"emails\":[{\"value\":\"a\",\"type\":\"office\"}]}` | invalidValue | 'emails.type' is 'office' but must be one of work, home, other",
    })
    void precedenceUnderStrictSettings(String id, String body, String scimType, String fragment) {
        assertRejected(() -> STRICT.validateForCreate(read(user(body), USER), USER), scimType, fragment);
    }

    @Test
    void singleProblemHasNoAlsoList() {
        assertThatThrownBy(() -> RFC.validateForCreate(read(user("{S}"), USER), USER))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.detail()).isEqualTo("'userName' is required and must not be empty"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "no emails       | `{S,\"userName\":\"u\",\"externalId\":\"e\"}`                         | 'emails' is required by this service provider",
        "empty emails    | `{S,\"userName\":\"u\",\"externalId\":\"e\",\"emails\":[]}`           | 'emails' is required by this service provider",
        "no externalId   | `{S,\"userName\":\"u\",\"emails\":[{\"value\":\"a@b\"}]}`             | 'externalId' is required by this service provider",
        "empty externalId | `{S,\"userName\":\"u\",\"externalId\":\"\",\"emails\":[{\"value\":\"a@b\"}]}` | 'externalId' is required by this service provider",
        "no userName     | `{S,\"externalId\":\"e\",\"emails\":[{\"value\":\"a@b\"}]}`           | 'userName' is required",
    })
    void requiredUserAttributesAreEnforced(String id, String body, String fragment) {
        assertRejected(() -> EXTRA_USER_ATTRIBUTES.validateForCreate(read(user(body), USER), USER), "invalidValue", fragment);
        // The RFC alone requires only userName.
        if (!fragment.contains("userName")) {
            assertThat(RFC.validateForCreate(read(user(body), USER), USER)).isNotNull();
        }
    }

    @Test
    void requiredUserAttributesAcceptACompleteUserAndLeaveGroupsAlone() {
        ScimResource user = read(user("{S,\"userName\":\"u\",\"externalId\":\"e\",\"emails\":[{\"value\":\"a@b\"}]}"), USER);
        ScimResource group = read("{" + GROUP_SCHEMAS + ",\"displayName\":\"g\"}", GROUP);

        assertThat(EXTRA_USER_ATTRIBUTES.validateForCreate(user, USER)).isEqualTo(user);
        assertThat(EXTRA_USER_ATTRIBUTES.validateForCreate(group, GROUP)).isEqualTo(group);
    }

    @Test
    void requireUserAttributesQualifiesCoreNamesWithTheUserSchemaAndKeepsEarlierOnes() {
        ValidationSettings settings = ValidationSettings.rfc()
                .requireUserAttributes("emails")
                .requireUserAttributes(" externalId ", "name.familyName", ENTERPRISE + ":employeeNumber");

        assertThat(settings.requiredAttributes()).containsExactlyInAnyOrder(
                new AttributePath(CoreSchemas.USER_URN, "emails", null),
                new AttributePath(CoreSchemas.USER_URN, "externalId", null),
                new AttributePath(CoreSchemas.USER_URN, "name", "familyName"),
                new AttributePath(ENTERPRISE, "employeeNumber", null));
        assertThat(settings.unknownAttributes()).isEqualTo(ValidationSettings.rfc().unknownAttributes());
        assertThat(settings.canonicalValues()).isEqualTo(ValidationSettings.rfc().canonicalValues());
    }

    @Test
    void requireUserAttributesRefusesWhatIsNoAttributeName() {
        assertThatThrownBy(() -> ValidationSettings.rfc().requireUserAttributes("emails", "e mails"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'e mails'");
        assertThatThrownBy(() -> ResourceValidator.of(REGISTRY, ValidationSettings.rfc().requireUserAttributes("emial")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("emial");
    }

    @Test
    void configuredSubAttributeIsRequiredInEveryValue() {
        ResourceValidator validator = ResourceValidator.of(REGISTRY, ValidationSettings.rfc()
                .withRequiredAttributes(Set.of(AttributePath.parse("emails.value"),
                        AttributePath.parse(ENTERPRISE + ":manager.value"))));

        assertRejected(() -> validator.validateForCreate(read(user(
                "{S,\"userName\":\"u\",\"emails\":[{\"value\":\"a\"},{\"type\":\"work\"}]}"), USER), USER),
                "invalidValue", "'emails.value' is required by this service provider in every value of 'emails'");
        assertRejected(() -> validator.validateForCreate(read(user(
                "{S,\"userName\":\"u\",\"emails\":[{\"value\":\"a\"}]}"), USER), USER),
                "invalidValue", "'" + ENTERPRISE + ":manager' is required by this service provider");
        assertThat(validator.validateForCreate(read(user("{S,\"userName\":\"u\",\"emails\":[{\"value\":\"a\"}],\""
                + ENTERPRISE + "\":{\"manager\":{\"value\":\"m\"}}}"), USER), USER)).isNotNull();
        // Groups have neither attribute, so the setting does not apply to them.
        assertThat(validator.validateForCreate(read("{" + GROUP_SCHEMAS + ",\"displayName\":\"g\"}", GROUP), GROUP))
                .isNotNull();
    }

    @Test
    void unknownConfiguredRequiredAttributeIsAConfigurationError() {
        assertThatThrownBy(() -> ResourceValidator.of(REGISTRY,
                ValidationSettings.rfc().withRequiredAttributes(Set.of(AttributePath.parse("emial")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("emial");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "top-level        | `{S,\"userName\":\"u\",\"shoeSize\":44}`                       | 'shoeSize' is not an attribute of resource type User",
        "null top-level   | `{S,\"userName\":\"u\",\"department\":null}`                   | 'department' is not an attribute of resource type User",
        "sub-attribute    | `{S,\"userName\":\"u\",\"name\":{\"nick\":\"n\"}}`             | 'name.nick' is not an attribute of 'name'",
        "in extension     | `{S,\"userName\":\"u\",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"badge\":\"b\"}}` | 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:badge' is not an attribute of the extension",
        "Q12 misspelt URN | `{S,\"userName\":\"u\",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0User\":{}}` | 'urn:ietf:params:scim:schemas:extension:enterprise:2.0User' is not an attribute",
    })
    void unknownAttributesRejectedOrIgnored(String id, String body, String fragment) {
        ScimResource resource = read(user(body), USER);

        assertRejected(() -> STRICT.validateForCreate(resource, USER), "invalidValue", fragment);
        ScimResource ignored = RFC.validateForCreate(resource, USER);
        assertThat(tree(ignored).toString()).doesNotContain("shoeSize", "nick", "badge", "department", "2.0User");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "emails.type | work   | true",
        "emails.type | WORK   | true",
        "emails.type | office | false",
        "phoneNumbers.type | pager | true",
        "phoneNumbers.type | cell  | false",
        "roles.type  | anything | true",
    })
    void canonicalValuesUnderReject(String path, String value, boolean accepted) {
        AttributePath attribute = AttributePath.parse(path);
        String body = "{S,\"userName\":\"u\",\"" + attribute.attribute() + "\":[{\"value\":\"v\",\"type\":\"" + value + "\"}]}";
        ScimResource resource = read(user(body), USER);

        assertThat(RFC.validateForCreate(resource, USER)).isEqualTo(resource);
        if (accepted) {
            assertThat(STRICT.validateForCreate(resource, USER)).isEqualTo(resource);
        } else {
            assertRejected(() -> STRICT.validateForCreate(resource, USER), "invalidValue", "'" + path + "' is '" + value + "'");
        }
    }

    @Test
    void requiredExtensionMustBePresent() {
        // P-CRT-13: a resource type may declare an extension required.
        SchemaRegistry registry = SchemaRegistry.builder()
                .schema(CoreSchemas.USER).schema(CoreSchemas.ENTERPRISE_USER)
                .resourceType(ResourceType.of("User", "u", "/Users", CoreSchemas.USER_URN,
                        java.util.List.of(new io.scimkit.core.schema.SchemaExtension(ENTERPRISE, true))))
                .build();
        ResourceType type = registry.resourceType("User").orElseThrow();
        ResourceValidator validator = ResourceValidator.of(registry, ValidationSettings.rfc());
        ScimResource without = io.scimkit.core.codec.ResourceCodec.of(registry)
                .read(user("{S,\"userName\":\"u\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8), type);

        assertRejected(() -> validator.validateForCreate(without, type), "invalidValue",
                "resource type User requires the extension " + ENTERPRISE);
        ScimResource with = without.with(ENTERPRISE, ComplexValue.builder().put("department", "D").build());
        assertThat(validator.validateForCreate(with, type).schemas()).containsExactly(CoreSchemas.USER_URN, ENTERPRISE);
    }

    @Test
    void resourcesBuiltWithoutTheCodecAreConformed() {
        // Values a caller built by hand (string schemas, a dateTime as text) come back typed.
        ScimResource built = ScimResource.of(ComplexValue.builder()
                .put("schemas", MultiValue.of(StringValue.of(CoreSchemas.USER_URN)))
                .put("USERNAME", "u")
                .put("meta", ComplexValue.builder().put("created", "2010-01-23T04:56:22Z").build())
                .build());

        ScimResource stored = RFC.validateStored(built, USER);

        assertThat(stored.body().attributes()).containsOnlyKeys("schemas", "userName", "meta");
        assertThat(stored.meta().orElseThrow().created()).isNotNull();
        assertThat(RFC.validateStored(stored, USER)).isEqualTo(stored);
    }

    private static String user(String body) {
        return body.replace("{S", "{" + USER_SCHEMAS);
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String scimType,
            String fragment) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.scimType().map(ScimErrorType::token)).contains(scimType);
            assertThat(e.detail()).contains(fragment);
        });
    }
}
