package io.scimkit.core.dialect;

import static io.scimkit.core.dialect.DialectRule.BODY_NULLS_IGNORED;
import static io.scimkit.core.dialect.DialectRule.BOOLEAN_STRINGS;
import static io.scimkit.core.dialect.DialectRule.CLIENT_META_IGNORED;
import static io.scimkit.core.dialect.DialectRule.EXTENSION_DOT_SEPARATOR;
import static io.scimkit.core.dialect.DialectRule.JSON_STRING_VALUES;
import static io.scimkit.core.dialect.DialectRule.MANAGER_BARE_STRING;
import static io.scimkit.core.dialect.DialectRule.MANAGER_EMPTY_REMOVES;
import static io.scimkit.core.dialect.DialectRule.MANAGER_SINGLE_ELEMENT_ARRAY;
import static io.scimkit.core.dialect.DialectRule.MISPLACED_EXTENSION_ATTRIBUTES;
import static io.scimkit.core.dialect.DialectRule.NO_PATH_PATH_KEYS;
import static io.scimkit.core.dialect.DialectRule.NULL_REF_DROPPED;
import static io.scimkit.core.dialect.DialectRule.OP_CASE_INSENSITIVE;
import static io.scimkit.core.dialect.DialectRule.REMOVE_MEMBERS_BY_VALUE;
import static io.scimkit.core.dialect.DialectRule.REPLACE_EMPTY_ARRAY_REMOVES;
import static io.scimkit.core.dialect.DialectRule.UNKNOWN_SCHEMA_URIS_DROPPED;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.codec.PatchRequestCodec;
import io.scimkit.core.codec.ResourceCodec;
import io.scimkit.core.patch.PatchRequest;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One table per kind of input (PATCH operations, POST/PUT bodies): each row is so small that
 * exactly one rule applies to it (or none, for the negative rows). Every row runs four ways:
 * lenient rewrites it and counts that one rule; lenient without the rule, and strict, leave it
 * as sent and count nothing; strict with only that rule rewrites it like lenient. JSON in the
 * tables uses {@code '} for {@code "} to stay readable.
 */
class DialectRulesTest {
    static final SchemaRegistry REGISTRY = SchemaRegistry.core();
    static final ResourceType USER = REGISTRY.resourceType("User").orElseThrow();
    static final ResourceType GROUP = REGISTRY.resourceType("Group").orElseThrow();
    private static final ResourceCodec CODEC = ResourceCodec.of(REGISTRY);
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

    static Stream<Arguments> patchRows() {
        return Stream.of(
                // Q1, K-03
                patch(OP_CASE_INSENSITIVE, USER, "{'op':'Replace','path':'displayName','value':'A'}",
                        "{'op':'replace','path':'displayName','value':'A'}"),
                patch(OP_CASE_INSENSITIVE, USER, "{'op':'ADD','path':'nickName','value':'A'}",
                        "{'op':'add','path':'nickName','value':'A'}"),
                patch(OP_CASE_INSENSITIVE, GROUP, "{'op':'Remove','path':'members[value eq \\'u1\\']'}",
                        "{'op':'remove','path':'members[value eq \\'u1\\']'}"),
                patch(null, USER, "{'op':'upsert','path':'nickName','value':'A'}",
                        "{'op':'upsert','path':'nickName','value':'A'}"),
                // Q2, K-04: by schema type, in any case, path and no path
                patch(BOOLEAN_STRINGS, USER, "{'op':'replace','path':'active','value':'False'}",
                        "{'op':'replace','path':'active','value':false}"),
                patch(BOOLEAN_STRINGS, USER, "{'op':'replace','path':'active','value':'TRUE'}",
                        "{'op':'replace','path':'active','value':true}"),
                patch(BOOLEAN_STRINGS, USER, "{'op':'replace','path':'Active','value':'false'}",
                        "{'op':'replace','path':'Active','value':false}"),
                patch(BOOLEAN_STRINGS, USER, "{'op':'replace','value':{'active':'False'}}",
                        "{'op':'replace','value':{'active':false}}"),
                patch(BOOLEAN_STRINGS, USER, "{'op':'replace','path':'emails[type eq \\'work\\'].primary','value':'True'}",
                        "{'op':'replace','path':'emails[type eq \\'work\\'].primary','value':true}"),
                patch(BOOLEAN_STRINGS, USER, "{'op':'add','path':'roles','value':[{'primary':'True','value':'r'}]}",
                        "{'op':'add','path':'roles','value':[{'primary':true,'value':'r'}]}"),
                patch(BOOLEAN_STRINGS, USER, "{'op':'add','path':'emails[type eq \\'work\\']','value':{'primary':'true'}}",
                        "{'op':'add','path':'emails[type eq \\'work\\']','value':{'primary':true}}"),
                patch(BOOLEAN_STRINGS, USER, "{'op':'replace','path':'roles[primary eq \\'True\\'].value','value':'A'}",
                        "{'op':'replace','path':'roles[primary eq true].value','value':'A'}"),
                patch(null, USER, "{'op':'replace','path':'roles[value eq \\'True\\'].display','value':'A'}",
                        "{'op':'replace','path':'roles[value eq \\'True\\'].display','value':'A'}"),
                patch(null, USER, "{'op':'replace','path':'title','value':'False'}",
                        "{'op':'replace','path':'title','value':'False'}"),
                patch(null, USER, "{'op':'replace','path':'active','value':'yes'}",
                        "{'op':'replace','path':'active','value':'yes'}"),
                // Q3, K-06: dotted and URN-qualified keys, in order
                patch(NO_PATH_PATH_KEYS, USER, "{'op':'replace','value':{'name.givenName':'A','name.familyName':'B'}}",
                        "{'op':'replace','path':'name.givenName','value':'A'},"
                                + "{'op':'replace','path':'name.familyName','value':'B'}"),
                patch(NO_PATH_PATH_KEYS, USER, "{'op':'replace','value':{'displayName':'X','name.givenName':'A',"
                        + "'" + ENTERPRISE + ":employeeNumber':'7','nickName':'N'}}",
                        "{'op':'replace','value':{'displayName':'X'}},"
                                + "{'op':'replace','path':'name.givenName','value':'A'},"
                                + "{'op':'replace','path':'" + ENTERPRISE + ":employeeNumber','value':'7'},"
                                + "{'op':'replace','value':{'nickName':'N'}}"),
                patch(NO_PATH_PATH_KEYS, USER, "{'op':'add','value':{'" + CORE_USER + ":userName':'u'}}",
                        "{'op':'add','path':'" + CORE_USER + ":userName','value':'u'}"),
                patch(null, USER, "{'op':'replace','value':{'" + ENTERPRISE + "':{'department':'D'},'nick.x':'N'}}",
                        "{'op':'replace','value':{'" + ENTERPRISE + "':{'department':'D'},'nick.x':'N'}}"),
                // Q4, K-02: left to the engine flag, counted here
                patch(REMOVE_MEMBERS_BY_VALUE, GROUP, "{'op':'remove','path':'members','value':[{'value':'u1'}]}",
                        "{'op':'remove','path':'members','value':[{'value':'u1'}]}"),
                // Q5
                patch(NULL_REF_DROPPED, GROUP, "{'op':'add','path':'members','value':[{'$ref':null,'value':'u1'}]}",
                        "{'op':'add','path':'members','value':[{'value':'u1'}]}"),
                // Q9
                patch(MANAGER_BARE_STRING, USER, "{'op':'add','path':'" + ENTERPRISE + ":manager','value':'m1'}",
                        "{'op':'add','path':'" + ENTERPRISE + ":manager','value':{'value':'m1'}}"),
                patch(MANAGER_SINGLE_ELEMENT_ARRAY, USER, "{'op':'add','path':'" + ENTERPRISE
                        + ":manager','value':[{'$ref':'https://h/Users/m1','value':'m1'}]}",
                        "{'op':'add','path':'" + ENTERPRISE + ":manager','value':{'$ref':'https://h/Users/m1','value':'m1'}}"),
                patch(MANAGER_EMPTY_REMOVES, USER, "{'op':'replace','path':'" + ENTERPRISE + ":manager','value':{'value':''}}",
                        "{'op':'remove','path':'" + ENTERPRISE + ":manager'}"),
                patch(MANAGER_EMPTY_REMOVES, USER, "{'op':'add','path':'" + ENTERPRISE + ":manager','value':{}}",
                        "{'op':'remove','path':'" + ENTERPRISE + ":manager'}"),
                patch(null, USER, "{'op':'replace','path':'" + ENTERPRISE + ":manager','value':{'value':'m2'}}",
                        "{'op':'replace','path':'" + ENTERPRISE + ":manager','value':{'value':'m2'}}"),
                // Q9 legacy short path, Q12
                patch(MISPLACED_EXTENSION_ATTRIBUTES, USER, "{'op':'replace','path':'department','value':'D'}",
                        "{'op':'replace','path':'" + ENTERPRISE + ":department','value':'D'}"),
                patch(MISPLACED_EXTENSION_ATTRIBUTES, USER, "{'op':'replace','path':'manager.value','value':'m'}",
                        "{'op':'replace','path':'" + ENTERPRISE + ":manager.value','value':'m'}"),
                // Q15
                patch(JSON_STRING_VALUES, USER, "{'op':'add','path':'roles','value':[{'value':"
                        + "'{\\'id\\':\\'r1\\',\\'value\\':\\'Reader\\',\\'displayName\\':\\'Reader\\'}'}]}",
                        "{'op':'add','path':'roles','value':[{'id':'r1','value':'Reader','display':'Reader'}]}"),
                patch(null, USER, "{'op':'add','path':'roles','value':[{'value':'{not json'}]}",
                        "{'op':'add','path':'roles','value':[{'value':'{not json'}]}"),
                // Q24
                patch(EXTENSION_DOT_SEPARATOR, USER, "{'op':'replace','path':'" + ENTERPRISE + ".department','value':'D'}",
                        "{'op':'replace','path':'" + ENTERPRISE + ":department','value':'D'}"),
                // Okta: replace members [] clears the group
                patch(REPLACE_EMPTY_ARRAY_REMOVES, GROUP, "{'op':'replace','path':'members','value':[]}",
                        "{'op':'remove','path':'members'}"),
                patch(null, USER, "{'op':'replace','value':{'active':false}}", "{'op':'replace','value':{'active':false}}"),
                // Okta's other PATCH shapes are RFC 7644 form: no rule touches them (docs/okta.md)
                patch(null, GROUP, "{'op':'replace','value':{'id':'g1','displayName':'Test SCIMv2'}}",
                        "{'op':'replace','value':{'id':'g1','displayName':'Test SCIMv2'}}"),
                patch(null, GROUP, "{'op':'add','path':'members','value':[{'value':'u1','display':'u1@example.com'}]}",
                        "{'op':'add','path':'members','value':[{'value':'u1','display':'u1@example.com'}]}"),
                patch(null, GROUP, "{'op':'remove','path':'members[value eq \\'u1\\']'}",
                        "{'op':'remove','path':'members[value eq \\'u1\\']'}"),
                patch(null, GROUP, "{'op':'replace','value':{'members':[]}}", "{'op':'replace','value':{'members':[]}}"),
                patch(null, USER, "{'op':'replace','value':{'password':'n3w-Pa55'}}",
                        "{'op':'replace','value':{'password':'n3w-Pa55'}}"));
    }

    static Stream<Arguments> bodyRows() {
        return Stream.of(
                // Okta's create: password, readOnly groups as [] and a group with no members are RFC form
                body(null, USER, "{'schemas':['" + CORE_USER + "'],'userName':'j@example.com','password':'p',"
                        + "'groups':[],'emails':[{'primary':true,'value':'j@example.com','type':'work'}],'active':true}",
                        "{'schemas':['" + CORE_USER + "'],'userName':'j@example.com','password':'p',"
                        + "'groups':[],'emails':[{'primary':true,'value':'j@example.com','type':'work'}],'active':true}"),
                body(null, GROUP, "{'schemas':['" + CORE_GROUP + "'],'displayName':'Test SCIMv2','members':[]}",
                        "{'schemas':['" + CORE_GROUP + "'],'displayName':'Test SCIMv2','members':[]}"),
                body(BODY_NULLS_IGNORED, USER, "{'schemas':['" + CORE_USER + "'],'userName':'a','title':null}",
                        "{'schemas':['" + CORE_USER + "'],'userName':'a'}"),
                body(BODY_NULLS_IGNORED, USER, "{'schemas':['" + CORE_USER + "'],'userName':'a','name':{'givenName':null,'familyName':'F'}}",
                        "{'schemas':['" + CORE_USER + "'],'userName':'a','name':{'familyName':'F'}}"),
                body(CLIENT_META_IGNORED, GROUP, "{'schemas':['" + CORE_GROUP + "'],'displayName':'G','meta':{'resourceType':'Group'}}",
                        "{'schemas':['" + CORE_GROUP + "'],'displayName':'G'}"),
                body(UNKNOWN_SCHEMA_URIS_DROPPED, GROUP, "{'schemas':['" + CORE_GROUP
                        + "','http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],'displayName':'G'}",
                        "{'schemas':['" + CORE_GROUP + "'],'displayName':'G'}"),
                body(UNKNOWN_SCHEMA_URIS_DROPPED, USER, "{'schemas':['" + CORE_USER + "','" + ENTERPRISE.replace(":User", "User")
                        + "'],'userName':'a'}", "{'schemas':['" + CORE_USER + "'],'userName':'a'}"),
                body(MISPLACED_EXTENSION_ATTRIBUTES, USER, "{'schemas':['" + CORE_USER + "'],'userName':'a','department':'D'}",
                        "{'schemas':['" + CORE_USER + "','" + ENTERPRISE + "'],'userName':'a','" + ENTERPRISE + "':{'department':'D'}}"),
                body(MANAGER_BARE_STRING, USER, "{'schemas':['" + CORE_USER + "','" + ENTERPRISE + "'],'userName':'a','"
                        + ENTERPRISE + "':{'manager':'m1'}}",
                        "{'schemas':['" + CORE_USER + "','" + ENTERPRISE + "'],'userName':'a','" + ENTERPRISE + "':{'manager':{'value':'m1'}}}"),
                body(MANAGER_EMPTY_REMOVES, USER, "{'schemas':['" + CORE_USER + "','" + ENTERPRISE + "'],'userName':'a','"
                        + ENTERPRISE + "':{'department':'D','manager':{'value':''}}}",
                        "{'schemas':['" + CORE_USER + "','" + ENTERPRISE + "'],'userName':'a','" + ENTERPRISE + "':{'department':'D'}}"),
                body(BOOLEAN_STRINGS, USER, "{'schemas':['" + CORE_USER + "'],'userName':'a','roles':[{'primary':'True','value':'ops'}]}",
                        "{'schemas':['" + CORE_USER + "'],'userName':'a','roles':[{'primary':true,'value':'ops'}]}"),
                body(null, USER, "{'schemas':['" + CORE_USER + "'],'userName':'a','active':true,'roles':[]}",
                        "{'schemas':['" + CORE_USER + "'],'userName':'a','active':true,'roles':[]}"));
    }

    @ParameterizedTest(name = "[{index}] {0} {2}")
    @MethodSource("patchRows")
    void lenientRewritesPatchAndCountsTheRule(@Nullable DialectRule rule, ResourceType type, String before, String after) {
        ClientDialect lenient = ClientDialect.lenient();
        assertThat(lenient.normalizePatch(readPatch(before), type, REGISTRY)).isEqualTo(readPatch(after));
        assertThat(lenient.firings()).isEqualTo(rule == null ? Map.of() : Map.of(rule.id(), 1L));
        if (rule != null) {
            assertThat(lenient.stats().firings(rule)).isEqualTo(1L);
        }
    }

    @ParameterizedTest(name = "[{index}] {0} {2}")
    @MethodSource("patchRows")
    void patchRuleSwitchedOffLeavesTheShapeAsSent(@Nullable DialectRule rule, ResourceType type, String before,
            String after) {
        ClientDialect[] off = rule == null ? new ClientDialect[] {ClientDialect.strict()}
                : new ClientDialect[] {ClientDialect.strict(), ClientDialect.lenient().without(rule.id())};
        for (ClientDialect dialect : off) {
            assertThat(dialect.normalizePatch(readPatch(before), type, REGISTRY)).as(dialect.toString())
                    .isEqualTo(readPatch(before));
            assertThat(dialect.firings()).isEmpty();
        }
    }

    @ParameterizedTest(name = "[{index}] {0} {2}")
    @MethodSource("patchRows")
    void strictWithOnlyTheRuleRewritesPatchLikeLenient(@Nullable DialectRule rule, ResourceType type, String before,
            String after) {
        if (rule == null) {
            return;
        }
        ClientDialect one = ClientDialect.strict().with(rule);
        assertThat(one.normalizePatch(readPatch(before), type, REGISTRY)).isEqualTo(readPatch(after));
        assertThat(one.firings()).containsExactly(Map.entry(rule.id(), 1L));
    }

    @ParameterizedTest(name = "[{index}] {0} {2}")
    @MethodSource("bodyRows")
    void lenientRewritesBodyAndCountsTheRule(@Nullable DialectRule rule, ResourceType type, String before, String after) {
        ClientDialect lenient = ClientDialect.lenient();
        assertThat(lenient.normalizeResource(readBody(before, type), type, REGISTRY)).isEqualTo(readBody(after, type));
        assertThat(lenient.firings()).isEqualTo(rule == null ? Map.of() : Map.of(rule.id(), 1L));
    }

    @ParameterizedTest(name = "[{index}] {0} {2}")
    @MethodSource("bodyRows")
    void bodyRuleSwitchedOffLeavesTheShapeAsSent(@Nullable DialectRule rule, ResourceType type, String before,
            String after) {
        ClientDialect[] off = rule == null ? new ClientDialect[] {ClientDialect.strict()}
                : new ClientDialect[] {ClientDialect.strict(), ClientDialect.lenient().without(rule)};
        for (ClientDialect dialect : off) {
            assertThat(dialect.normalizeResource(readBody(before, type), type, REGISTRY)).as(dialect.toString())
                    .isEqualTo(readBody(before, type));
            assertThat(dialect.firings()).isEmpty();
        }
        if (rule != null) {
            ClientDialect one = ClientDialect.strict().with(rule);
            assertThat(one.normalizeResource(readBody(before, type), type, REGISTRY)).isEqualTo(readBody(after, type));
        }
    }

    private static Arguments patch(@Nullable DialectRule rule, ResourceType type, String before, String after) {
        return Arguments.of(rule, type, before, after);
    }

    private static Arguments body(@Nullable DialectRule rule, ResourceType type, String before, String after) {
        return Arguments.of(rule, type, before, after);
    }

    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static PatchRequest readPatch(String operations) {
        return PatchRequestCodec.read(json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':["
                + operations + "]}").getBytes(UTF_8));
    }

    static ScimResource readBody(String body, ResourceType type) {
        return CODEC.read(json(body).getBytes(UTF_8), type);
    }
}
