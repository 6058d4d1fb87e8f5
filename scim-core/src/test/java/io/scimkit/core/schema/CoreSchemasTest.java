package io.scimkit.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves that {@link CoreSchemas} is RFC 7643 §8.7.1 (Figure 9), characteristic by characteristic,
 * apart from an explicit allow-list of deliberate departures (digest §12, K-33 to K-37).
 *
 * <p>The golden file {@code rfc7643-8.7.1-schemas.json} is the RFC figure (see the README next to
 * it). Characteristics the figure leaves out take the RFC 7643 §2.2 defaults (S-ATTR-02).
 */
class CoreSchemasTest {
    private static final String GOLDEN = "rfc7643-8.7.1-schemas.json";

    /** Characteristic keys a §8.7.1 attribute may carry; anything else means the comparison is blind to it. */
    private static final Set<String> KNOWN_KEYS = Set.of("name", "type", "multiValued", "description", "required",
            "caseExact", "mutability", "returned", "uniqueness", "canonicalValues", "referenceTypes", "subAttributes");

    /**
     * The deliberate departures from the figure. Each entry must still be needed (see
     * {@link #everyDeliberateDeviationIsStillPresent()}), so the list cannot go stale.
     */
    private static final List<Difference> DELIBERATE = List.of(
            // K-33: §4.2 prose says displayName is REQUIRED, the figure says false; erratum 5368
            // (verified) sets true.
            new Difference("Group", "displayName", "required", "false", "true"),
            // K-34: §2.4 lists display among the default sub-attributes of a multi-valued attribute and
            // every Group example in RFC 7643/7644 sends members[].display; the figure forgot it.
            new Difference("Group", "members.display", "presence", "absent", "present"),
            // K-35: the §8.2 full User example sends addresses[].primary and §2.4 lists primary as a
            // default sub-attribute; the figure forgot it.
            new Difference("User", "addresses.primary", "presence", "absent", "present"),
            // K-37: §2.3.6 says binary values are case exact; the figure's caseExact=false for the one
            // binary attribute contradicts it, and matching base64 without case would be wrong.
            new Difference("User", "x509Certificates.value", "caseExact", "false", "true"));

    private static JsonNode figure;

    /** One characteristic on which our schema and the RFC figure disagree. */
    record Difference(String schema, String path, String characteristic, String rfc, String ours) {
        @Override
        public String toString() {
            return schema + ":" + path + " " + characteristic + ": RFC 7643 §8.7.1 says <" + rfc + ">, CoreSchemas has <"
                    + ours + ">";
        }
    }

    @BeforeAll
    static void loadFigure() throws IOException {
        try (InputStream in = CoreSchemasTest.class.getResourceAsStream(GOLDEN)) {
            Objects.requireNonNull(in, GOLDEN + " is missing from the test classpath");
            figure = new ObjectMapper().readTree(in);
        }
    }

    static Stream<Arguments> coreSchemas() {
        return Stream.of(
                Arguments.of(CoreSchemas.USER),
                Arguments.of(CoreSchemas.GROUP),
                Arguments.of(CoreSchemas.ENTERPRISE_USER));
    }

    @Test
    void goldenFileHoldsTheThreeSchemasOfFigure9() {
        assertThat(figure.isArray()).isTrue();
        List<String> ids = new ArrayList<>();
        figure.forEach(schema -> ids.add(schema.path("id").asText()));
        assertThat(ids).containsExactly(CoreSchemas.USER_URN, CoreSchemas.GROUP_URN, CoreSchemas.ENTERPRISE_USER_URN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("coreSchemas")
    void matchesRfcFigureExceptDeliberateDeviations(Schema ours) {
        List<Difference> unexpected = compare(rfcSchema(ours.id()), ours).stream()
                .filter(difference -> !DELIBERATE.contains(difference))
                .toList();

        assertThat(unexpected)
                .as("differences from RFC 7643 §8.7.1 that are not in the allow-list:%n%s",
                        unexpected.stream().map(Difference::toString).collect(Collectors.joining("\n")))
                .isEmpty();
    }

    @Test
    void everyDeliberateDeviationIsStillPresent() {
        List<Difference> all = new ArrayList<>();
        coreSchemas().forEach(arguments -> {
            Schema schema = (Schema) arguments.get()[0];
            all.addAll(compare(rfcSchema(schema.id()), schema));
        });

        assertThat(all).containsAll(DELIBERATE);
    }

    /** The comparison itself must notice a change; otherwise the golden test proves nothing. */
    @Test
    void comparisonReportsEveryChangedCharacteristic() {
        AttributeDefinition userName = CoreSchemas.USER.attribute("userName").orElseThrow();
        AttributeDefinition changed = userName.toBuilder()
                .uniqueness(Uniqueness.NONE).caseExact(true).returned(Returned.ALWAYS).mutability(Mutability.IMMUTABLE)
                .required(false).multiValued(true).description("Unique identifier for the User.").build();
        AttributeDefinition emails = CoreSchemas.USER.attribute("emails").orElseThrow();
        AttributeDefinition emailType = emails.subAttribute("type").orElseThrow().toBuilder()
                .canonicalValues(List.of("work", "home")).build();
        AttributeDefinition profileUrl = CoreSchemas.USER.attribute("profileUrl").orElseThrow().toBuilder()
                .type(AttributeType.STRING).referenceTypes(List.of("uri")).build();
        List<AttributeDefinition> attributes = new ArrayList<>(CoreSchemas.USER.attributes());
        attributes.set(0, changed);
        attributes.set(attributes.indexOf(emails), replaceSub(emails, emailType));
        attributes.set(attributes.indexOf(CoreSchemas.USER.attribute("profileUrl").orElseThrow()), profileUrl);
        attributes.remove(CoreSchemas.USER.attribute("timezone").orElseThrow());
        Schema mutated = new Schema(CoreSchemas.USER_URN, "User", "A user", attributes);

        List<Difference> differences = compare(rfcSchema(CoreSchemas.USER_URN), mutated);

        assertThat(differences).contains(
                new Difference("User", "", "description", "User Account", "A user"),
                new Difference("User", "userName", "uniqueness", "server", "none"),
                new Difference("User", "userName", "caseExact", "false", "true"),
                new Difference("User", "userName", "returned", "default", "always"),
                new Difference("User", "userName", "mutability", "readWrite", "immutable"),
                new Difference("User", "userName", "required", "true", "false"),
                new Difference("User", "userName", "multiValued", "false", "true"),
                new Difference("User", "emails.type", "canonicalValues", "[work, home, other]", "[work, home]"),
                new Difference("User", "profileUrl", "type", "reference", "string"),
                new Difference("User", "profileUrl", "referenceTypes", "[external]", "[uri]"),
                new Difference("User", "timezone", "presence", "present", "absent"));
        assertThat(differences).anySatisfy(difference -> {
            assertThat(difference.path()).isEqualTo("userName");
            assertThat(difference.characteristic()).isEqualTo("description");
        });
    }

    @Test
    void comparisonReportsReorderedAttributes() {
        List<AttributeDefinition> attributes = new ArrayList<>(CoreSchemas.GROUP.attributes());
        Collections.reverse(attributes);
        Schema reordered = new Schema(CoreSchemas.GROUP_URN, "Group", "Group", attributes);

        assertThat(compare(rfcSchema(CoreSchemas.GROUP_URN), reordered))
                .contains(new Difference("Group", "", "order", "[displayName, members]", "[members, displayName]"));
    }

    /** The attributes the figure lacks get the characteristics the digest tables give them. */
    @Test
    void addedSubAttributesHaveTheirDocumentedCharacteristics() {
        AttributeDefinition membersDisplay = CoreSchemas.GROUP.attribute("members").orElseThrow()
                .subAttribute("display").orElseThrow();
        // Digest §9.4 / K-34: string, immutable like every member sub-attribute (§2.4, §4.2), optional.
        assertThat(membersDisplay).isEqualTo(AttributeDefinition.builder("display").type(AttributeType.STRING)
                .mutability(Mutability.IMMUTABLE).description(membersDisplay.description()).build());

        AttributeDefinition addressPrimary = CoreSchemas.USER.attribute("addresses").orElseThrow()
                .subAttribute("primary").orElseThrow();
        // Digest §9.3 / K-35: the same characteristics as the other MV primary sub-attributes.
        assertThat(addressPrimary).isEqualTo(AttributeDefinition.builder("primary").type(AttributeType.BOOLEAN)
                .description(addressPrimary.description()).build());
        assertThat(addressPrimary.description()).contains("'true' MUST appear no more than once");
    }

    /** S-ATTR-11: a complex attribute has no complex sub-attributes. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("coreSchemas")
    void complexAttributesAreOneLevelDeep(Schema schema) {
        for (AttributeDefinition attribute : schema.attributes()) {
            assertThat(attribute.subAttributes()).noneMatch(AttributeDefinition::isComplex);
            assertThat(attribute.isComplex()).isEqualTo(!attribute.subAttributes().isEmpty());
        }
    }

    /**
     * The common attributes (RFC 7643 §3.1 prose; digest §9.2 table; S-RES-04 to S-RES-07). They are
     * not in the §8.7.1 figure, so this table is the reference.
     */
    static Stream<Arguments> commonAttributes() {
        return Stream.of(
                // name, type, multiValued, required, caseExact, mutability, returned, uniqueness, referenceTypes
                // id is assigned by the service provider and never sent by clients (RFC 7644 §3.3), so it is
                // not "required" input although every stored resource has one (S-RES-05).
                Arguments.of("id", "string", false, false, true, "readOnly", "always", "server", List.of()),
                // externalId: client-owned, caseExact, not unique by default (S-RES-06, K-49).
                Arguments.of("externalId", "string", false, false, true, "readWrite", "default", "none", List.of()),
                Arguments.of("meta", "complex", false, false, false, "readOnly", "default", "none", List.of()),
                Arguments.of("meta.resourceType", "string", false, false, true, "readOnly", "default", "none", List.of()),
                Arguments.of("meta.created", "dateTime", false, false, false, "readOnly", "default", "none", List.of()),
                Arguments.of("meta.lastModified", "dateTime", false, false, false, "readOnly", "default", "none",
                        List.of()),
                Arguments.of("meta.location", "reference", false, false, true, "readOnly", "default", "none",
                        List.of("uri")),
                Arguments.of("meta.version", "string", false, false, true, "readOnly", "default", "none", List.of()),
                // schemas: an array of URIs (§3), required on every resource (S-RES-01), always returned
                // (K-47). URIs, hence reference/uri; compared without case like every schema URN (§3.10),
                // hence caseExact=false.
                Arguments.of("schemas", "reference", true, true, false, "readWrite", "always", "none",
                        List.of("uri")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commonAttributes")
    void commonAttributeMatchesRfc7643Section31(String path, String type, boolean multiValued, boolean required,
            boolean caseExact, String mutability, String returned, String uniqueness, List<String> referenceTypes) {
        String[] parts = path.split("\\.");
        AttributeDefinition attribute = CoreSchemas.commonAttribute(parts[0]).orElseThrow();
        if (parts.length > 1) {
            attribute = attribute.subAttribute(parts[1]).orElseThrow();
        }

        assertThat(attribute.type().token()).isEqualTo(type);
        assertThat(attribute.multiValued()).isEqualTo(multiValued);
        assertThat(attribute.required()).isEqualTo(required);
        assertThat(attribute.caseExact()).isEqualTo(caseExact);
        assertThat(attribute.mutability().token()).isEqualTo(mutability);
        assertThat(attribute.returned().token()).isEqualTo(returned);
        assertThat(attribute.uniqueness().token()).isEqualTo(uniqueness);
        assertThat(attribute.referenceTypes()).isEqualTo(referenceTypes);
        assertThat(attribute.description()).isNotBlank();
    }

    @Test
    void commonAttributesAreExactlyTheFourOfSection3() {
        assertThat(CoreSchemas.COMMON_ATTRIBUTES).extracting(AttributeDefinition::name)
                .containsExactly("id", "externalId", "meta", "schemas");
        assertThat(CoreSchemas.commonAttribute("meta").orElseThrow().subAttributes())
                .extracting(AttributeDefinition::name)
                .containsExactly("resourceType", "created", "lastModified", "location", "version");
        assertThat(CoreSchemas.commonAttribute("EXTERNALID")).isPresent();
        assertThat(CoreSchemas.commonAttribute("userName")).isEmpty();
    }

    /** RFC 7643 §8.6 resource types; the Enterprise extension is optional here (the §8.6 example says required). */
    @Test
    void resourceTypesMatchSection86() {
        assertThat(CoreSchemas.USER_RESOURCE_TYPE).isEqualTo(new ResourceType("User", "User", "User Account", "/Users",
                CoreSchemas.USER_URN, List.of(new SchemaExtension(CoreSchemas.ENTERPRISE_USER_URN, false))));
        assertThat(CoreSchemas.GROUP_RESOURCE_TYPE).isEqualTo(
                new ResourceType("Group", "Group", "Group", "/Groups", CoreSchemas.GROUP_URN, List.of()));
    }

    private static JsonNode rfcSchema(String id) {
        for (JsonNode schema : figure) {
            if (schema.path("id").asText().equals(id)) {
                return schema;
            }
        }
        throw new AssertionError("no schema " + id + " in " + GOLDEN);
    }

    private static List<Difference> compare(JsonNode rfc, Schema ours) {
        List<Difference> differences = new ArrayList<>();
        String schemaName = rfc.path("name").asText();
        check(differences, schemaName, "", "id", rfc.path("id").asText(), ours.id());
        check(differences, schemaName, "", "name", schemaName, ours.name());
        check(differences, schemaName, "", "description", rfc.path("description").asText(), ours.description());
        compareAttributes(differences, schemaName, "", rfc.path("attributes"), ours.attributes());
        return differences;
    }

    private static void compareAttributes(List<Difference> differences, String schema, String prefix, JsonNode rfc,
            List<AttributeDefinition> ours) {
        List<String> rfcNames = new ArrayList<>();
        rfc.forEach(attribute -> rfcNames.add(attribute.path("name").asText()));
        List<String> ourNames = ours.stream().map(AttributeDefinition::name).toList();

        for (JsonNode rfcAttribute : rfc) {
            String name = rfcAttribute.path("name").asText();
            Optional<AttributeDefinition> match = ours.stream().filter(a -> a.name().equals(name)).findFirst();
            if (match.isEmpty()) {
                differences.add(new Difference(schema, prefix + name, "presence", "present", "absent"));
            } else {
                compareAttribute(differences, schema, prefix + name, rfcAttribute, match.get());
            }
        }
        for (String name : ourNames) {
            if (!rfcNames.contains(name)) {
                differences.add(new Difference(schema, prefix + name, "presence", "absent", "present"));
            }
        }
        // Order is not semantic (S-ATTR-12), but /Schemas output in the RFC's order is easier to review.
        List<String> commonInRfcOrder = rfcNames.stream().filter(ourNames::contains).toList();
        List<String> commonInOurOrder = ourNames.stream().filter(rfcNames::contains).toList();
        String parent = prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1);
        check(differences, schema, parent, "order", commonInRfcOrder.toString(), commonInOurOrder.toString());
    }

    private static void compareAttribute(List<Difference> differences, String schema, String path, JsonNode rfc,
            AttributeDefinition ours) {
        for (Iterator<String> keys = rfc.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!KNOWN_KEYS.contains(key)) {
                differences.add(new Difference(schema, path, key, rfc.get(key).toString(), "(not compared)"));
            }
        }
        // RFC 7643 §2.2 defaults for characteristics the figure leaves out (S-ATTR-02).
        Map<String, String> actual = Map.of(
                "type", ours.type().token(),
                "multiValued", String.valueOf(ours.multiValued()),
                "description", ours.description(),
                "required", String.valueOf(ours.required()),
                "caseExact", String.valueOf(ours.caseExact()),
                "mutability", ours.mutability().token(),
                "returned", ours.returned().token(),
                "uniqueness", ours.uniqueness().token());
        Map<String, String> defaults = Map.of(
                "type", "string", "multiValued", "false", "description", "", "required", "false",
                "caseExact", "false", "mutability", "readWrite", "returned", "default", "uniqueness", "none");
        for (String characteristic : List.of("type", "multiValued", "description", "required", "caseExact",
                "mutability", "returned", "uniqueness")) {
            JsonNode value = rfc.get(characteristic);
            String expected = value == null ? defaults.get(characteristic) : value.asText();
            check(differences, schema, path, characteristic, expected, actual.get(characteristic));
        }
        check(differences, schema, path, "canonicalValues", texts(rfc.get("canonicalValues")).toString(),
                ours.canonicalValues().toString());
        check(differences, schema, path, "referenceTypes", texts(rfc.get("referenceTypes")).toString(),
                ours.referenceTypes().toString());
        JsonNode subAttributes = rfc.get("subAttributes");
        if (subAttributes != null || !ours.subAttributes().isEmpty()) {
            compareAttributes(differences, schema, path + ".",
                    subAttributes == null ? new ObjectMapper().createArrayNode() : subAttributes, ours.subAttributes());
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        if (array != null) {
            array.forEach(element -> texts.add(element.asText()));
        }
        return texts;
    }

    private static void check(List<Difference> differences, String schema, String path, String characteristic,
            String rfc, String ours) {
        if (!rfc.equals(ours)) {
            differences.add(new Difference(schema, path, characteristic, rfc, ours));
        }
    }

    private static AttributeDefinition replaceSub(AttributeDefinition parent, AttributeDefinition sub) {
        List<AttributeDefinition> subs = new ArrayList<>(parent.subAttributes());
        subs.replaceAll(existing -> existing.name().equals(sub.name()) ? sub : existing);
        return new AttributeDefinition(parent.name(), parent.type(), parent.multiValued(), parent.description(),
                parent.required(), parent.caseExact(), parent.mutability(), parent.returned(), parent.uniqueness(),
                parent.canonicalValues(), parent.referenceTypes(), subs);
    }
}
