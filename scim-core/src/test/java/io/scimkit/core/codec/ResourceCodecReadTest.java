package io.scimkit.core.codec;

import static io.scimkit.core.codec.CodecFixtures.CODEC;
import static io.scimkit.core.codec.CodecFixtures.USER;
import static io.scimkit.core.codec.CodecFixtures.resource;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.AttributeType;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.Schema;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.BinaryValue;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.DateTimeValue;
import io.scimkit.core.value.DecimalValue;
import io.scimkit.core.value.IntegerValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.NullValue;
import io.scimkit.core.value.ReferenceValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How names resolve (S-ATTR-01, Entra Q8) and how values are typed (S-ATTR-03) on reading. */
class ResourceCodecReadTest {
    private static final String DEVICE_URN = "urn:example:params:scim:schemas:Device";
    private static final Schema DEVICE = new Schema(DEVICE_URN, "Device", "A test resource", List.of(
            attr("count", AttributeType.INTEGER),
            attr("ratio", AttributeType.DECIMAL),
            attr("seen", AttributeType.DATE_TIME),
            attr("blob", AttributeType.BINARY),
            attr("link", AttributeType.REFERENCE),
            attr("flag", AttributeType.BOOLEAN),
            AttributeDefinition.builder("tags").multiValued(true).build(),
            AttributeDefinition.builder("detail").subAttributes(
                    attr("level", AttributeType.INTEGER), attr("since", AttributeType.DATE_TIME)).build()));
    private static final ResourceType DEVICE_TYPE =
            ResourceType.of("Device", "Device", "/Devices", DEVICE_URN, List.of());
    private static final SchemaRegistry DEVICE_REGISTRY =
            SchemaRegistry.coreBuilder().schema(DEVICE).resourceType(DEVICE_TYPE).build();
    private static final ResourceCodec DEVICE_CODEC = ResourceCodec.of(DEVICE_REGISTRY);

    @Test
    void caseMangledNamesGetTheirCanonicalSpelling() {
        ScimResource user = CODEC.read(resource("case-mangled-enterprise-user.json"), USER);

        assertThat(user.body().attributes()).containsKeys("schemas", "id", "externalId", "userName", "name",
                "displayName", "active", "x509Certificates", "meta", CoreSchemas.ENTERPRISE_USER_URN);
        assertThat(user.schemas()).containsExactly(CoreSchemas.USER_URN, CoreSchemas.ENTERPRISE_USER_URN);
        ComplexValue firstEmail = (ComplexValue) ((MultiValue) user.body().attributes().get("emails")).values().get(0);
        assertThat(firstEmail.attributes()).containsOnlyKeys("value", "type", "primary");
        ComplexValue enterprise = (ComplexValue) user.body().attributes().get(CoreSchemas.ENTERPRISE_USER_URN);
        assertThat(enterprise.attributes()).containsKeys("employeeNumber", "manager");
        assertThat(((ComplexValue) enterprise.attributes().get("manager")).attributes())
                .containsOnlyKeys("value", "$ref", "displayName");
    }

    @Test
    void valuesAreTypedByTheirDefinitions() {
        ScimResource user = CODEC.read(resource("rfc7643-8.3-enterprise-user.json"), USER);
        ComplexValue body = user.body();

        assertThat(body.attributes().get("userName")).isEqualTo(StringValue.of("bjensen@example.com"));
        assertThat(body.attributes().get("active")).isEqualTo(BooleanValue.TRUE);
        assertThat(body.attributes().get("profileUrl")).isEqualTo(ReferenceValue.of("https://login.example.com/bjensen"));
        assertThat(((MultiValue) body.attributes().get("schemas")).values()).allMatch(ReferenceValue.class::isInstance);
        assertThat(element(body, "x509Certificates", 0).attributes().get("value")).isInstanceOf(BinaryValue.class);
        assertThat(element(body, "photos", 0).attributes().get("value")).isInstanceOf(ReferenceValue.class);
        assertThat(element(body, "groups", 0).attributes().get("$ref")).isInstanceOf(ReferenceValue.class);
        assertThat(element(body, "emails", 0).attributes().get("primary")).isEqualTo(BooleanValue.TRUE);
        ComplexValue meta = (ComplexValue) body.attributes().get("meta");
        assertThat(meta.attributes().get("created")).isEqualTo(DateTimeValue.parse("2010-01-23T04:56:22Z").orElseThrow());
        assertThat(meta.attributes().get("location")).isInstanceOf(ReferenceValue.class);
        assertThat(meta.attributes().get("version")).isEqualTo(StringValue.of("W/\"3694e05e9dff591\""));
        assertThat(user.meta().orElseThrow().resourceType()).isEqualTo("User");
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
        count | 5                     | IntegerValue[value=5]
        count | -9223372036854775808  | IntegerValue[value=-9223372036854775808]
        count | 9223372036854775808   | DecimalValue[value=9223372036854775808]
        count | 5.0                   | DecimalValue[value=5.0]
        count | 1e3                   | DecimalValue[value=1E+3]
        count | "5"                   | StringValue[value=5]
        ratio | 5                     | DecimalValue[value=5]
        ratio | 1.50                  | DecimalValue[value=1.50]
        ratio | -0.000                | DecimalValue[value=0.000]
        ratio | 2.5E-10               | DecimalValue[value=2.5E-10]
        flag  | true                  | BooleanValue[value=true]
        flag  | "True"                | StringValue[value=True]
        flag  | 1                     | IntegerValue[value=1]
        seen  | "2008-01-23T04:56:22Z" | DateTimeValue[lexical=2008-01-23T04:56:22Z, instant=2008-01-23T04:56:22Z]
        seen  | "2008-01-23T04:56:22.5+02:00" | DateTimeValue[lexical=2008-01-23T04:56:22.5+02:00, instant=2008-01-23T02:56:22.500Z]
        seen  | "2008-01-23"          | StringValue[value=2008-01-23]
        seen  | 42                    | IntegerValue[value=42]
        blob  | "AAEC/w=="            | BinaryValue[base64=AAEC/w==]
        blob  | "not base64!"         | BinaryValue[base64=not base64!]
        link  | "../Users/1"          | ReferenceValue[uri=../Users/1]
        tags  | "solo"                | StringValue[value=solo]
        count | null                  | NullValue[]
        count | [1, 2.5]              | MultiValue[values=[IntegerValue[value=1], DecimalValue[value=2.5]]]
        detail | {"LEVEL": 3, "Since": "2020-01-01T00:00:00Z", "extra": "2020-01-01T00:00:00Z"} | ComplexValue[attributes={level=IntegerValue[value=3], since=DateTimeValue[lexical=2020-01-01T00:00:00Z, instant=2020-01-01T00:00:00Z], extra=StringValue[value=2020-01-01T00:00:00Z]}]
        detail | "a string"           | StringValue[value=a string]
        flag  | {"x": "2020-01-01T00:00:00Z"} | ComplexValue[attributes={x=StringValue[value=2020-01-01T00:00:00Z]}]
        """)
    void jsonValuesAreTypedLenientlyByTheAttributeType(String attribute, String json, String expected) {
        ScimResource device = DEVICE_CODEC.read(("{\"" + attribute + "\":" + json + "}").getBytes(UTF_8), DEVICE_TYPE);

        assertThat(device.get(attribute)).hasValueSatisfying(value -> assertThat(value).hasToString(expected));
    }

    @Test
    void aDecimalKeepsTheScaleAsSent() {
        ScimResource device = DEVICE_CODEC.read("{\"ratio\":1.50}".getBytes(UTF_8), DEVICE_TYPE);

        assertThat(device.get("ratio")).contains(DecimalValue.of(new BigDecimal("1.50")));
        assertThat(device.get("ratio")).isNotEqualTo(java.util.Optional.of(DecimalValue.of(new BigDecimal("1.5"))));
    }

    @Test
    void unknownMembersAreKeptWithTheirNameAndUntypedValues() {
        ScimResource user = CODEC.read(("{\"Department\":null,\"manager\":null,\"x-Custom\":{\"A\":[1,2.5,\"s\",true,null,"
                + "{\"b\":[]}],\"when\":\"2020-01-01T00:00:00Z\"},\"urn:ietf:params:scim:schemas:extension:enterprise:2.0User\":"
                + "{\"department\":\"d\"},\"name.givenName\":\"g\"}").getBytes(UTF_8), USER);

        assertThat(user.body().attributes()).containsExactly(
                java.util.Map.entry("Department", NullValue.INSTANCE),
                java.util.Map.entry("manager", NullValue.INSTANCE),
                java.util.Map.entry("x-Custom", ComplexValue.builder()
                        .put("A", MultiValue.of(IntegerValue.of(1), DecimalValue.of(new BigDecimal("2.5")),
                                StringValue.of("s"), BooleanValue.TRUE, NullValue.INSTANCE,
                                ComplexValue.builder().put("b", MultiValue.EMPTY).build()))
                        .put("when", "2020-01-01T00:00:00Z")
                        .build()),
                java.util.Map.entry("urn:ietf:params:scim:schemas:extension:enterprise:2.0User",
                        ComplexValue.builder().put("department", "d").build()),
                java.util.Map.entry("name.givenName", StringValue.of("g")));
    }

    @Test
    void schemasMatchingARegisteredSchemaGetItsSpellingAndOthersStayAsSent() {
        ScimResource user = CODEC.read(("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:user\","
                + "\"http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group\",7]}").getBytes(UTF_8), USER);

        assertThat(user.body().attributes().get("schemas")).isEqualTo(MultiValue.of(
                ReferenceValue.of(CoreSchemas.USER_URN),
                ReferenceValue.of("http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"),
                IntegerValue.of(7)));
    }

    @Test
    void aSingleSchemasStringIsAReference() {
        ScimResource user = CODEC.read("{\"Schemas\":\"URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER\"}".getBytes(UTF_8), USER);

        assertThat(user.body().attributes()).containsExactly(
                java.util.Map.entry("schemas", ReferenceValue.of(CoreSchemas.USER_URN)));
    }

    @Test
    void anExtensionKeyInAnyCaseGetsTheRegisteredSpellingWhateverItsValue() {
        ScimResource user = CODEC.read(("{\"URN:ietf:params:scim:schemas:extension:ENTERPRISE:2.0:user\":null}")
                .getBytes(UTF_8), USER);

        assertThat(user.body().attributes()).containsExactly(
                java.util.Map.entry(CoreSchemas.ENTERPRISE_USER_URN, NullValue.INSTANCE));
    }

    @Test
    void anExtensionOfAnotherResourceTypeIsUnknownHere() {
        ScimResource group = CODEC.read(("{\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:user\":"
                + "{\"Department\":\"d\"}}").getBytes(UTF_8), CodecFixtures.GROUP);

        assertThat(group.body().attributes()).containsOnlyKeys("urn:ietf:params:scim:schemas:extension:enterprise:2.0:user");
        assertThat(group.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:user"))
                .contains(ComplexValue.builder().put("Department", "d").build());
    }

    @Test
    void memberOrderIsKept() {
        ScimResource user = CODEC.read("{\"title\":\"t\",\"userName\":\"u\",\"zz\":1,\"active\":false,\"id\":\"i\"}"
                .getBytes(UTF_8), USER);

        assertThat(user.body().attributes().keySet()).containsExactly("title", "userName", "zz", "active", "id");
    }

    @Test
    void readValueWithoutADefinitionIsUntyped() {
        assertThat(CODEC.readValue("[1,\"2020-01-01T00:00:00Z\",{\"Value\":null}]".getBytes(UTF_8))).isEqualTo(
                MultiValue.of(IntegerValue.of(1), StringValue.of("2020-01-01T00:00:00Z"),
                        ComplexValue.builder().put("Value", NullValue.INSTANCE).build()));
        assertThat(CODEC.readValue(" \"x\" ".getBytes(UTF_8))).isEqualTo(StringValue.of("x"));
        assertThat(CODEC.readValue("null".getBytes(UTF_8))).isEqualTo(NullValue.INSTANCE);
    }

    @Test
    void readValueWithADefinitionTypesLikeABodyMember() {
        AttributeDefinition manager = CoreSchemas.ENTERPRISE_USER.attribute("manager").orElseThrow();

        ScimValue object = CODEC.readValue("{\"Value\":\"26\",\"$REF\":\"../Users/26\"}".getBytes(UTF_8), manager);
        ScimValue bareString = CODEC.readValue("\"26\"".getBytes(UTF_8), manager);

        assertThat(object).isEqualTo(ComplexValue.builder()
                .put("value", "26").put("$ref", ReferenceValue.of("../Users/26")).build());
        assertThat(bareString).isEqualTo(StringValue.of("26"));
    }

    @Test
    void aNumberBeyondAnyRangeIsInvalidValue() {
        ScimException error = catchThrowableOfType(ScimException.class,
                () -> CODEC.read("{\"x\":1e99999999999}".getBytes(UTF_8), USER));

        assertThat(error.scimType()).contains(ScimErrorType.INVALID_VALUE);
    }

    @Test
    void aUtf8ByteOrderMarkIsSkipped() {
        byte[] body = "\uFEFF{\"userName\":\"u\"}".getBytes(UTF_8);

        assertThat(CODEC.read(body, USER).get("userName")).contains(StringValue.of("u"));
    }

    private static ComplexValue element(ComplexValue body, String name, int index) {
        return (ComplexValue) ((MultiValue) body.attributes().get(name)).values().get(index);
    }

    private static AttributeDefinition attr(String name, AttributeType type) {
        return AttributeDefinition.builder(name).type(type).build();
    }
}
