package io.scimkit.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.scimkit.core.path.AttributePath;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Registration and path resolution of {@link SchemaRegistry} (RFC 7643 §6, §7; RFC 7644 §3.10). */
class SchemaRegistryTest {
    private static final String ENTERPRISE = CoreSchemas.ENTERPRISE_USER_URN;
    private static final String POLICY_URN = "urn:mypolicies:scim:schemas:extension:policy:1.0:User";
    private static final String DEVICE_URN = "urn:example:scim:schemas:core:1.0:Device";

    private static final SchemaRegistry CORE = SchemaRegistry.core();

    /** A custom extension for User, as a service provider would register it at start-up. */
    private static final Schema POLICY = new Schema(POLICY_URN, "Policy", "Access policies of a user", List.of(
            AttributeDefinition.builder("policyOwner").description("Who owns the user's policies.").build(),
            AttributeDefinition.builder("policies").multiValued(true).description("Policies applied to the user.")
                    .subAttributes(
                            AttributeDefinition.builder("name").required(true).caseExact(true)
                                    .description("The policy name.").build(),
                            AttributeDefinition.builder("level").type(AttributeType.INTEGER)
                                    .description("How strictly the policy applies.").build())
                    .build()));

    /** A custom resource type with its own base schema. */
    private static final Schema DEVICE = new Schema(DEVICE_URN, "Device", "A device", List.of(
            AttributeDefinition.builder("serialNumber").required(true).caseExact(true)
                    .uniqueness(Uniqueness.GLOBAL).description("The serial number.").build(),
            AttributeDefinition.builder("owner").description("The owning user.")
                    .subAttributes(
                            AttributeDefinition.builder("value").description("The owner's id.").build(),
                            AttributeDefinition.builder("$ref").type(AttributeType.REFERENCE)
                                    .referenceTypes(List.of("User")).description("The owner's URI.").build())
                    .build()));
    private static final ResourceType DEVICE_TYPE = ResourceType.of("Device", "Devices of users", "/Devices",
            DEVICE_URN, List.of());

    static Stream<Arguments> resolvable() {
        String user = "User";
        String group = "Group";
        return Stream.of(
                // type, path, extension URN of the result, canonical path
                Arguments.of(user, "userName", null, "userName"),
                Arguments.of(user, "USERNAME", null, "userName"),
                Arguments.of(user, "id", null, "id"),
                Arguments.of(group, "ID", null, "id"),
                Arguments.of(user, "externalId", null, "externalId"),
                Arguments.of(group, "externalid", null, "externalId"),
                Arguments.of(user, "meta.version", null, "meta.version"),
                Arguments.of(group, "META.LASTMODIFIED", null, "meta.lastModified"),
                Arguments.of(user, "schemas", null, "schemas"),
                Arguments.of(user, "name.givenName", null, "name.givenName"),
                Arguments.of(user, "Name.GivenName", null, "name.givenName"),
                Arguments.of(user, "emails.value", null, "emails.value"),
                Arguments.of(user, "emails", null, "emails"),
                Arguments.of(user, "groups.$ref", null, "groups.$ref"),
                Arguments.of(user, "addresses.primary", null, "addresses.primary"),
                Arguments.of(group, "members.value", null, "members.value"),
                Arguments.of(group, "members.display", null, "members.display"),
                Arguments.of(group, "displayName", null, "displayName"),
                // RFC 7644 §3.10: the base schema URN may prefix a core attribute.
                Arguments.of(user, "urn:ietf:params:scim:schemas:core:2.0:User:userName", null, "userName"),
                Arguments.of(user, "URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER:name.familyName", null,
                        "name.familyName"),
                Arguments.of(group, "urn:ietf:params:scim:schemas:core:2.0:Group:members.value", null,
                        "members.value"),
                // Extension attributes are qualified by the extension URN (RFC 7643 §3.3).
                Arguments.of(user, ENTERPRISE + ":manager.value", ENTERPRISE, ENTERPRISE + ":manager.value"),
                Arguments.of(user, ENTERPRISE + ":manager", ENTERPRISE, ENTERPRISE + ":manager"),
                Arguments.of(user, ENTERPRISE.toLowerCase(Locale.ROOT) + ":EMPLOYEENUMBER", ENTERPRISE,
                        ENTERPRISE + ":employeeNumber"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("resolvable")
    void resolvesKnownPathsIgnoringCase(String typeName, String path, @Nullable String extensionUrn,
            String canonical) {
        ResourceType type = CORE.resourceType(typeName).orElseThrow();

        ResolvedAttribute resolved = CORE.resolve(type, AttributePath.parse(path)).orElseThrow();

        assertThat(resolved.extensionUrn()).isEqualTo(extensionUrn);
        assertThat(resolved.inExtension()).isEqualTo(extensionUrn != null);
        assertThat(resolved.canonicalPath().toString()).isEqualTo(canonical);
        assertThat(resolved.leaf().name()).isEqualToIgnoringCase(AttributePath.parse(path).sub()
                .orElse(AttributePath.parse(path).attribute()));
    }

    static Stream<Arguments> unresolvable() {
        return Stream.of(
                Arguments.of("User", "nosuchAttribute"),
                Arguments.of("User", "name.nosuchPart"),
                Arguments.of("User", "userName.value"),
                Arguments.of("User", "meta.nosuch"),
                // An extension attribute must carry its URN (RFC 7644 §3.10).
                Arguments.of("User", "employeeNumber"),
                Arguments.of("User", "manager.value"),
                Arguments.of("User", "urn:ietf:params:scim:schemas:core:2.0:User:employeeNumber"),
                Arguments.of("User", ENTERPRISE + ":userName"),
                Arguments.of("User", ENTERPRISE + ":manager.nosuch"),
                Arguments.of("User", "urn:example:unknown:1.0:User:userName"),
                // Group members, not User attributes, and no extension on Group.
                Arguments.of("User", "members.value"),
                Arguments.of("Group", "userName"),
                Arguments.of("Group", "members.nosuch"),
                Arguments.of("Group", ENTERPRISE + ":manager.value"),
                Arguments.of("Group", "urn:ietf:params:scim:schemas:core:2.0:User:userName"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("unresolvable")
    void unknownAttributesResolveToNothing(String typeName, String path) {
        ResourceType type = CORE.resourceType(typeName).orElseThrow();

        assertThat(CORE.resolve(type, AttributePath.parse(path))).isEmpty();
    }

    @Test
    void resolutionCarriesTheDefinitions() {
        ResolvedAttribute manager = CORE.resolve(CoreSchemas.USER_RESOURCE_TYPE,
                AttributePath.parse(ENTERPRISE + ":manager.displayName")).orElseThrow();

        assertThat(manager.attribute()).isEqualTo(CoreSchemas.ENTERPRISE_USER.attribute("manager").orElseThrow());
        assertThat(manager.subAttribute()).isNotNull();
        assertThat(manager.leaf().mutability()).isEqualTo(Mutability.READ_ONLY);

        ResolvedAttribute id = CORE.resolve(CoreSchemas.GROUP_RESOURCE_TYPE, AttributePath.of("id")).orElseThrow();
        assertThat(id.subAttribute()).isNull();
        assertThat(id.leaf().returned()).isEqualTo(Returned.ALWAYS);
    }

    @Test
    void coreRegistryListsSchemasAndResourceTypesInRegistrationOrder() {
        assertThat(CORE.schemas()).containsExactly(CoreSchemas.USER, CoreSchemas.GROUP, CoreSchemas.ENTERPRISE_USER);
        assertThat(CORE.resourceTypes())
                .containsExactly(CoreSchemas.USER_RESOURCE_TYPE, CoreSchemas.GROUP_RESOURCE_TYPE);
        assertThat(CORE.schema(ENTERPRISE.toUpperCase(Locale.ROOT))).contains(CoreSchemas.ENTERPRISE_USER);
        assertThat(CORE.schema("urn:example:nothing")).isEmpty();
        assertThat(CORE.resourceType("user")).contains(CoreSchemas.USER_RESOURCE_TYPE);
        assertThat(CORE.resourceType("Users")).isEmpty();
        assertThat(CORE.baseSchema(CoreSchemas.GROUP_RESOURCE_TYPE)).isEqualTo(CoreSchemas.GROUP);
        assertThat(CORE.extensionSchema(CoreSchemas.USER_RESOURCE_TYPE, ENTERPRISE.toLowerCase(Locale.ROOT)))
                .contains(CoreSchemas.ENTERPRISE_USER);
        assertThat(CORE.extensionSchema(CoreSchemas.GROUP_RESOURCE_TYPE, ENTERPRISE)).isEmpty();
        // A base schema is not an extension of its own resource type.
        assertThat(CORE.extensionSchema(CoreSchemas.USER_RESOURCE_TYPE, CoreSchemas.USER_URN)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void resourceTypeAtMatchesEndpointIgnoringCase(String endpoint, Optional<ResourceType> expected) {
        assertThat(CORE.resourceTypeAt(endpoint)).isEqualTo(expected);
    }

    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("/Users", Optional.of(CoreSchemas.USER_RESOURCE_TYPE)),
                Arguments.of("/users", Optional.of(CoreSchemas.USER_RESOURCE_TYPE)),
                Arguments.of("/GROUPS", Optional.of(CoreSchemas.GROUP_RESOURCE_TYPE)),
                Arguments.of("/User", Optional.empty()),
                Arguments.of("Users", Optional.empty()),
                Arguments.of("/Devices", Optional.empty()));
    }

    @Test
    void customExtensionOnUserIsRegisteredAndResolved() {
        SchemaRegistry registry = SchemaRegistry.coreBuilder().extension("user", POLICY, false).build();
        ResourceType user = registry.resourceType("User").orElseThrow();

        assertThat(user.schemaExtensions()).containsExactly(
                new SchemaExtension(ENTERPRISE, false), new SchemaExtension(POLICY_URN, false));
        assertThat(registry.schema(POLICY_URN)).contains(POLICY);
        ResolvedAttribute name = registry.resolve(user, AttributePath.parse(POLICY_URN + ":policies.NAME")).orElseThrow();
        assertThat(name.extensionUrn()).isEqualTo(POLICY_URN);
        assertThat(name.leaf().required()).isTrue();
        assertThat(name.canonicalPath()).isEqualTo(new AttributePath(POLICY_URN, "policies", "name"));
        assertThat(registry.resolve(user, AttributePath.parse(POLICY_URN + ":policyOwner"))).isPresent();
        // The enterprise extension is still there, and Group did not get the policy extension.
        assertThat(registry.resolve(user, AttributePath.parse(ENTERPRISE + ":manager.value"))).isPresent();
        assertThat(registry.resolve(registry.resourceType("Group").orElseThrow(),
                AttributePath.parse(POLICY_URN + ":policyOwner"))).isEmpty();
        // The core registry is unchanged: registries are immutable.
        assertThat(CORE.resolve(CoreSchemas.USER_RESOURCE_TYPE, AttributePath.parse(POLICY_URN + ":policyOwner")))
                .isEmpty();
    }

    @Test
    void requiredCustomExtensionIsDeclaredRequired() {
        SchemaRegistry registry = SchemaRegistry.coreBuilder().extension("User", POLICY, true).build();

        assertThat(registry.resourceType("User").orElseThrow().extension(POLICY_URN.toUpperCase(Locale.ROOT)))
                .contains(new SchemaExtension(POLICY_URN, true));
    }

    @Test
    void customSchemaAndResourceTypeAreRegisteredAtRuntime() {
        SchemaRegistry registry = SchemaRegistry.coreBuilder().schema(DEVICE).resourceType(DEVICE_TYPE).build();

        assertThat(registry.resourceTypeAt("/devices")).contains(DEVICE_TYPE);
        ResolvedAttribute serial = registry.resolve(DEVICE_TYPE, AttributePath.parse("SERIALNUMBER")).orElseThrow();
        assertThat(serial.leaf().uniqueness()).isEqualTo(Uniqueness.GLOBAL);
        assertThat(registry.resolve(DEVICE_TYPE, AttributePath.parse("owner.$ref"))).isPresent();
        assertThat(registry.resolve(DEVICE_TYPE, AttributePath.parse(DEVICE_URN + ":owner.value"))).isPresent();
        // Common attributes apply to every resource type (RFC 7643 §3.1).
        assertThat(registry.resolve(DEVICE_TYPE, AttributePath.parse("meta.created"))).isPresent();
        assertThat(registry.resolve(DEVICE_TYPE, AttributePath.parse("userName"))).isEmpty();
        assertThat(registry.resourceTypes()).last().isEqualTo(DEVICE_TYPE);
    }

    @Test
    void toBuilderKeepsEverythingAndAddsMore() {
        SchemaRegistry extended = CORE.toBuilder().schema(DEVICE).resourceType(DEVICE_TYPE)
                .extension("User", POLICY, false).build();

        assertThat(extended.schemas()).containsExactly(CoreSchemas.USER, CoreSchemas.GROUP, CoreSchemas.ENTERPRISE_USER,
                DEVICE, POLICY);
        assertThat(extended.resourceTypes()).extracting(ResourceType::name).containsExactly("User", "Group", "Device");
        assertThat(CORE.toBuilder().build().schemas()).isEqualTo(CORE.schemas());
        assertThat(CORE.toBuilder().build().resourceTypes()).isEqualTo(CORE.resourceTypes());
        assertThat(CORE.schemas()).hasSize(3);
    }

    @Test
    void registeringTheSameSchemaTwiceIsHarmless() {
        SchemaRegistry registry = SchemaRegistry.coreBuilder().schema(CoreSchemas.USER).build();

        assertThat(registry.schemas()).hasSize(3);
    }

    @Test
    void rejectsADifferentSchemaUnderATakenUrn() {
        Schema impostor = new Schema(CoreSchemas.USER_URN.toLowerCase(Locale.ROOT), "User", "Other", List.of());

        assertThatIllegalArgumentException().isThrownBy(() -> SchemaRegistry.coreBuilder().schema(impostor))
                .withMessageContaining("already registered");
    }

    @Test
    void rejectsAResourceTypeWithAnUnregisteredBaseSchema() {
        SchemaRegistry.Builder builder = SchemaRegistry.builder().resourceType(DEVICE_TYPE);

        assertThatIllegalArgumentException().isThrownBy(builder::build).withMessageContaining(DEVICE_URN);
    }

    @Test
    void rejectsAResourceTypeWithAnUnregisteredExtension() {
        SchemaRegistry.Builder builder = SchemaRegistry.builder().schema(CoreSchemas.USER)
                .resourceType(CoreSchemas.USER_RESOURCE_TYPE);

        assertThatIllegalArgumentException().isThrownBy(builder::build).withMessageContaining(ENTERPRISE);
    }

    @Test
    void rejectsTwoResourceTypesAtOneEndpoint() {
        ResourceType other = ResourceType.of("Person", "People", "/USERS", CoreSchemas.USER_URN, List.of());
        SchemaRegistry.Builder builder = SchemaRegistry.coreBuilder().resourceType(other);

        assertThatIllegalArgumentException().isThrownBy(builder::build).withMessageContaining("/USERS");
    }

    @Test
    void rejectsAnExtensionForAnUnknownResourceType() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SchemaRegistry.coreBuilder().extension("Device", POLICY, false))
                .withMessageContaining("Device");
    }

    @Test
    void rejectsAnExtensionDeclaredTwice() {
        SchemaRegistry.Builder builder = SchemaRegistry.coreBuilder().extension("User", POLICY, false);

        assertThatIllegalArgumentException().isThrownBy(() -> builder.extension("User", POLICY, true))
                .withMessageContaining(POLICY_URN);
    }

    @Test
    void resourceTypeOfTheSameNameReplacesTheEarlierOne() {
        ResourceType groupsElsewhere = ResourceType.of("group", "Teams", "/Teams", CoreSchemas.GROUP_URN, List.of());

        SchemaRegistry registry = SchemaRegistry.coreBuilder().resourceType(groupsElsewhere).build();

        assertThat(registry.resourceTypes()).extracting(ResourceType::name).containsExactly("User", "group");
        assertThat(registry.resourceTypeAt("/Groups")).isEmpty();
        assertThat(registry.resourceTypeAt("/teams")).contains(groupsElsewhere);
    }

    @Test
    void resourceTypeEndpointIsOnePathSegment() {
        for (String endpoint : List.of("Users", "/", "/a/b", "")) {
            assertThatIllegalArgumentException().isThrownBy(
                    () -> ResourceType.of("X", "X", endpoint, DEVICE_URN, List.of()));
        }
    }
}
