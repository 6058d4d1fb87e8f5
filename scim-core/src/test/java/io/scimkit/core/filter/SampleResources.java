package io.scimkit.core.filter;

import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.AttributeType;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.Schema;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.BinaryValue;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.DateTimeValue;
import io.scimkit.core.value.DecimalValue;
import io.scimkit.core.value.IntegerValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.NullValue;
import io.scimkit.core.value.ReferenceValue;
import io.scimkit.core.value.StringValue;
import java.math.BigDecimal;
import java.util.List;

/**
 * Sample resource bodies for the evaluator tests, built by hand until the codec can read golden
 * JSON: the digest §6.3 fixture user BJensen (RFC 7643 §8.2 flavoured) and the group Tour Guides
 * (§8.4), and a registry whose User type also carries a test extension with the attribute types
 * the core schemas lack (integer, decimal, dateTime, binary, caseExact string, reference).
 */
final class SampleResources {
    static final String ENTERPRISE = CoreSchemas.ENTERPRISE_USER_URN;
    static final String TEST_URN = "urn:example:params:scim:schemas:extension:test:1.0:User";

    static final String BJENSEN_ID = "2819c223-7f76-453a-919d-413861904646";
    static final String GROUP_ID = "e9e30dba-f08f-4109-8486-d5c6a331660a";
    static final String MANAGER_ID = "26118915-6090-4610-87e4-49d8ca9f808d";
    static final String CERTIFICATE = "MIIDQzCCAqygAwIBAgICEAAwDQYJKoZIhvcNAQEFBQAw";

    /** Integer, decimal, dateTime, boolean, binary, caseExact string and reference attributes. */
    static final Schema TEST_EXTENSION = new Schema(TEST_URN, "Test", "Evaluator test extension", List.of(
            attribute("level", AttributeType.INTEGER).build(),
            attribute("score", AttributeType.DECIMAL).build(),
            attribute("badges", AttributeType.INTEGER).multiValued(true).build(),
            attribute("hired", AttributeType.DATE_TIME).build(),
            attribute("onCall", AttributeType.BOOLEAN).build(),
            attribute("token", AttributeType.BINARY).build(),
            attribute("code", AttributeType.STRING).caseExact(true).build(),
            attribute("homepage", AttributeType.REFERENCE).referenceTypes(List.of("external")).build(),
            attribute("tags", AttributeType.STRING).multiValued(true).build()));

    static final SchemaRegistry REGISTRY = SchemaRegistry.coreBuilder()
            .extension("User", TEST_EXTENSION, false)
            .build();
    static final ResourceType USER = REGISTRY.resourceType("User").orElseThrow();
    static final ResourceType GROUP = REGISTRY.resourceType("Group").orElseThrow();

    /**
     * The user of the digest §6.3 truth table: userName "BJensen", a work email a@x.com (primary)
     * and a home email b@y.org, active; plus empty and null values for {@code pr} (P-FLT-20, K-65).
     */
    static final ComplexValue BJENSEN = ComplexValue.builder()
            .put("schemas", MultiValue.of(ReferenceValue.of(CoreSchemas.USER_URN), ReferenceValue.of(ENTERPRISE),
                    StringValue.of(TEST_URN)))
            .put("id", BJENSEN_ID)
            .put("externalId", "bjensen-EXT")
            .put("meta", ComplexValue.builder()
                    .put("resourceType", "User")
                    .put("created", DateTimeValue.parse("2010-01-23T04:56:22Z").orElseThrow())
                    // held as text, the way a schema-less reader would keep it
                    .put("lastModified", "2011-05-13T04:42:34Z")
                    .put("location", ReferenceValue.of("https://example.com/v2/Users/" + BJENSEN_ID))
                    .put("version", "W/\"a330bc54f0671c9\"")
                    .build())
            .put("userName", "BJensen")
            .put("name", ComplexValue.builder()
                    .put("formatted", "Ms. Barbara J Jensen, III")
                    .put("familyName", "Jensen")
                    .put("givenName", "Barbara")
                    .put("middleName", "")
                    .build())
            .put("displayName", "Babs Jensen")
            .put("nickName", "")
            .put("userType", NullValue.INSTANCE)
            .put("active", true)
            .put("emails", MultiValue.of(
                    ComplexValue.builder().put("value", "a@x.com").put("type", "work").put("primary", true).build(),
                    ComplexValue.builder().put("value", "b@y.org").put("type", "home").build()))
            .put("phoneNumbers", MultiValue.EMPTY)
            .put("addresses", MultiValue.of(ComplexValue.builder().put("type", "").put("region", NullValue.INSTANCE)
                    .build()))
            .put("x509Certificates", MultiValue.of(ComplexValue.builder()
                    .put("value", BinaryValue.of(CERTIFICATE)).build()))
            .put("groups", MultiValue.of(ComplexValue.builder()
                    .put("value", GROUP_ID)
                    .put("$ref", ReferenceValue.of("https://example.com/v2/Groups/" + GROUP_ID))
                    .put("display", "Tour Guides")
                    .build()))
            .put(ENTERPRISE, ComplexValue.builder()
                    .put("employeeNumber", "701984")
                    .put("costCenter", "4130")
                    .put("manager", ComplexValue.builder()
                            .put("value", MANAGER_ID)
                            .put("$ref", ReferenceValue.of("../Users/" + MANAGER_ID))
                            .put("displayName", "John Smith")
                            .build())
                    .build())
            .put(TEST_URN, ComplexValue.builder()
                    .put("level", IntegerValue.of(3))
                    .put("score", DecimalValue.of(new BigDecimal("4.50")))
                    .put("badges", MultiValue.of(IntegerValue.of(1), IntegerValue.of(7)))
                    .put("hired", DateTimeValue.parse("2015-06-01T09:00:00+02:00").orElseThrow())
                    .put("onCall", false)
                    .put("token", BinaryValue.of("QUJD"))
                    .put("code", "AbC")
                    .put("homepage", ReferenceValue.of("https://Example.com/Babs"))
                    .put("tags", MultiValue.of(StringValue.of("Blue"), StringValue.of("green")))
                    .build())
            .build();

    /** The group of RFC 7643 §8.4 with BJensen and one more member. */
    static final ComplexValue TOUR_GUIDES = ComplexValue.builder()
            .put("schemas", MultiValue.of(ReferenceValue.of(CoreSchemas.GROUP_URN)))
            .put("id", GROUP_ID)
            .put("displayName", "Tour Guides")
            .put("members", MultiValue.of(
                    ComplexValue.builder().put("value", BJENSEN_ID)
                            .put("$ref", ReferenceValue.of("https://example.com/v2/Users/" + BJENSEN_ID))
                            .put("type", "User").put("display", "Babs Jensen").build(),
                    ComplexValue.builder().put("value", "902c246b-6245-4190-8e05-00816be7344a")
                            .put("type", "User").build()))
            .put("meta", ComplexValue.builder()
                    .put("resourceType", "Group")
                    .put("created", DateTimeValue.parse("2010-01-23T04:56:22Z").orElseThrow())
                    .build())
            .build();

    private SampleResources() {
    }

    private static AttributeDefinition.Builder attribute(String name, AttributeType type) {
        return AttributeDefinition.builder(name).type(type);
    }
}
