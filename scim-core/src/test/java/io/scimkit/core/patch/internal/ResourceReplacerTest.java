package io.scimkit.core.patch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimkit.core.codec.ResourceCodec;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.Mutability;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.Schema;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.schema.UnknownAttributePolicy;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PUT replace semantics (RFC 7644 §3.5.1): the P-PUT rows and K-31, K-53. */
class ResourceReplacerTest {
    private static final String BADGE_URN = "urn:example:params:scim:schemas:extension:badge:1.0:User";
    /** A test extension with an immutable attribute, which the core schemas lack at the top level. */
    private static final Schema BADGE = new Schema(BADGE_URN, "Badge", "Badge", List.of(
            AttributeDefinition.builder("badgeId").mutability(Mutability.IMMUTABLE).build(),
            AttributeDefinition.builder("color").build()));
    private static final SchemaRegistry REGISTRY = SchemaRegistry.coreBuilder().extension("User", BADGE, false).build();
    private static final ResourceType USER = REGISTRY.resourceType("User").orElseThrow();
    private static final ResourceCodec CODEC = ResourceCodec.of(REGISTRY);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String U = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]";
    private static final String E = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String STORED = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s","%s"],
             "id":"1","userName":"bjensen","nickName":"Babs","password":"secret",
             "emails":[{"value":"a@x.org","type":"work","primary":true}],
             "groups":[{"value":"g1","display":"Guides"}],
             "meta":{"resourceType":"User","created":"2024-01-01T00:00:00Z","lastModified":"2024-01-02T00:00:00Z"},
             "%s":{"employeeNumber":"7","manager":{"value":"m1","displayName":"Boss"}},
             "%s":{"badgeId":"B-1","color":"red"}}""".formatted(E, BADGE_URN, E, BADGE_URN);

    static Stream<Arguments> replacements() {
        String keep = """
                "id":"1","groups":[{"value":"g1","display":"Guides"}],
                "meta":{"resourceType":"User","created":"2024-01-01T00:00:00Z","lastModified":"2024-01-02T00:00:00Z"}""";
        return Stream.of(
                Arguments.of("P-PUT-02 readWrite and writeOnly values replace the stored ones", """
                        {%s,"userName":"bjensen","nickName":"B2","password":"new",
                         "emails":[{"value":"b@x.org","type":"home"}]}""".formatted(U), """
                        {%s,%s,"userName":"bjensen","nickName":"B2","password":"new",
                         "emails":[{"value":"b@x.org","type":"home"}],"%s":{"badgeId":"B-1"}}"""
                        .formatted(schemas(BADGE_URN), keep, BADGE_URN)),
                Arguments.of("P-PUT-03/K-31 omitted readWrite attributes are cleared; writeOnly and immutable kept", """
                        {%s,"userName":"bjensen"}""".formatted(U), """
                        {%s,%s,"userName":"bjensen","password":"secret","%s":{"badgeId":"B-1"}}"""
                        .formatted(schemas(BADGE_URN), keep, BADGE_URN)),
                Arguments.of("P-PUT-04 null and [] clear", """
                        {%s,"userName":"bjensen","nickName":null,"emails":[],"password":null}""".formatted(U), """
                        {%s,%s,"userName":"bjensen","%s":{"badgeId":"B-1"}}"""
                        .formatted(schemas(BADGE_URN), keep, BADGE_URN)),
                Arguments.of("P-PUT-05 an immutable value sent equal is fine; an extension sent adds its URN", """
                        {%s,"userName":"bjensen","%s":{"badgeId":"B-1","color":"blue"},"%s":{"department":"D"}}"""
                        .formatted(U, BADGE_URN, E), """
                        {%s,%s,"userName":"bjensen","password":"secret",
                         "%s":{"department":"D"},"%s":{"badgeId":"B-1","color":"blue"}}"""
                        .formatted(schemas(E, BADGE_URN), keep, E, BADGE_URN)),
                Arguments.of("P-PUT-06 readOnly values sent by the client are ignored (id, meta, groups, manager.displayName)", """
                        {%s,"id":"other","userName":"bjensen","groups":[{"value":"g9"}],
                         "meta":{"resourceType":"User","created":"2030-01-01T00:00:00Z"},
                         "%s":{"manager":{"value":"m2","displayName":"Fake"}}}""".formatted(U, E), """
                        {%s,%s,"userName":"bjensen","password":"secret",
                         "%s":{"manager":{"value":"m2","displayName":"Boss"}},"%s":{"badgeId":"B-1"}}"""
                        .formatted(schemas(E, BADGE_URN), keep, E, BADGE_URN)));
    }

    private static String schemas(String... extensions) {
        StringBuilder text = new StringBuilder("\"schemas\":[\"" + CoreSchemas.USER_URN + "\"");
        for (String extension : extensions) {
            text.append(",\"").append(extension).append('"');
        }
        return text.append(']').toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replacements")
    void replaces(String row, String incoming, String expected) {
        ScimResource result = replacer(UnknownAttributePolicy.REJECT).replace(read(STORED), read(incoming));
        assertThat(tree(new String(CODEC.write(result), java.nio.charset.StandardCharsets.UTF_8)))
                .as(row).isEqualTo(tree(expected));
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("P-PUT-05 an immutable value sent different", """
                        {%s,"userName":"bjensen","%s":{"badgeId":"B-2"}}""".formatted(U, BADGE_URN), "mutability"),
                Arguments.of("P-PUT-05 an immutable value sent as null", """
                        {%s,"userName":"bjensen","%s":{"badgeId":null}}""".formatted(U, BADGE_URN), "mutability"),
                Arguments.of("P-PUT-07 a required attribute missing", """
                        {%s,"nickName":"B"}""".formatted(U), "invalidValue"),
                Arguments.of("K-53 two primary elements", """
                        {%s,"userName":"bjensen","emails":[{"value":"a@x.org","primary":true},
                         {"value":"b@x.org","primary":true}]}""".formatted(U), "invalidValue"),
                Arguments.of("a value of the wrong type", """
                        {%s,"userName":"bjensen","active":"yes"}""".formatted(U), "invalidValue"),
                Arguments.of("an unknown attribute under REJECT", """
                        {%s,"userName":"bjensen","shoeSize":42}""".formatted(U), "invalidValue"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void refuses(String row, String incoming, String scimType) {
        ScimResource stored = read(STORED);
        byte[] before = CODEC.write(stored);
        assertThatThrownBy(() -> replacer(UnknownAttributePolicy.REJECT).replace(stored, read(incoming)))
                .isInstanceOfSatisfying(ScimException.class, failure -> {
                    assertThat(failure.status()).isEqualTo(400);
                    assertThat(failure.scimType()).map(type -> type.token()).hasValue(scimType);
                });
        assertThat(CODEC.write(stored)).isEqualTo(before);
    }

    @Test
    void p_put_05_immutableWithoutStoredValueTakesTheValueSent() {
        ScimResource stored = read("{" + U + ",\"id\":\"1\",\"userName\":\"u\"}");
        ScimResource result = replacer(UnknownAttributePolicy.REJECT).replace(stored,
                read("{" + U + ",\"userName\":\"u\",\"" + BADGE_URN + "\":{\"badgeId\":\"B-9\"}}"));
        assertThat(tree(new String(CODEC.write(result), java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo(tree("{" + schemas(BADGE_URN) + ",\"id\":\"1\",\"userName\":\"u\",\""
                        + BADGE_URN + "\":{\"badgeId\":\"B-9\"}}"));
    }

    @Test
    void p_put_12_roundTripOfTheStoredResourceChangesNothing() {
        ScimResource stored = read(STORED);
        ScimResource result = replacer(UnknownAttributePolicy.REJECT).replace(stored, stored);
        assertThat(result.body()).isEqualTo(stored.body());
    }

    @Test
    void unknownAttributesAreDroppedUnderIgnore() {
        ScimResource result = replacer(UnknownAttributePolicy.IGNORE).replace(read(STORED),
                read("{" + U + ",\"userName\":\"bjensen\",\"shoeSize\":42,\"name\":{\"givenName\":\"B\",\"nick\":\"x\"}}"));
        assertThat(result.get("shoeSize")).isEmpty();
        assertThat(tree(new String(CODEC.write(result), java.nio.charset.StandardCharsets.UTF_8)).get("name"))
                .isEqualTo(tree("{\"givenName\":\"B\"}"));
    }

    private static ResourceReplacer replacer(UnknownAttributePolicy policy) {
        return ResourceReplacer.of(REGISTRY, USER, policy);
    }

    private static ScimResource read(String json) {
        return CODEC.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), USER);
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
