package io.scimkit.core.patch;

import static io.scimkit.core.patch.PatchJson.CODEC;
import static io.scimkit.core.patch.PatchJson.GROUP;
import static io.scimkit.core.patch.PatchJson.MAPPER;
import static io.scimkit.core.patch.PatchJson.REGISTRY;
import static io.scimkit.core.patch.PatchJson.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.ResourceType;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The digest's §8.2 PATCH rows (P-PAT, P-PAT-ADD, P-PAT-REM, P-PAT-REP) and the K/S/Q rows about
 * PATCH, as golden files under {@code cases/}: a resource before, a PATCH body, and the resource
 * after or the error (status and scimType). Every error case also checks atomicity (P-PAT-09):
 * the input resource is unchanged.
 */
class PatchEngineTest {

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        Path directory = Path.of(Objects.requireNonNull(PatchEngineTest.class.getResource("cases")).toURI());
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> sorted = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
            return sorted.stream().map(file -> Arguments.of(file.getFileName().toString(), file));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void goldenCase(String name, Path file) throws IOException {
        JsonNode golden = MAPPER.readTree(file.toFile());
        ResourceType type = golden.path("type").asText().equals("Group") ? GROUP : USER;
        PatchSettings settings = golden.path("settings").asText().equals("lenient")
                ? PatchSettings.lenient() : PatchSettings.strict();
        ScimResource before = PatchJson.resource(golden.get("before"), type);
        byte[] beforeJson = CODEC.write(before);
        PatchRequest request = PatchJson.request(golden.get("patch"));
        PatchEngine engine = PatchEngine.of(REGISTRY, type, settings);

        if (golden.has("error")) {
            JsonNode error = golden.get("error");
            assertThatThrownBy(() -> engine.apply(before, request))
                    .as(golden.path("description").asText())
                    .isInstanceOfSatisfying(ScimException.class, failure -> {
                        assertThat(failure.status()).isEqualTo(error.path("status").asInt());
                        assertThat(failure.scimType()).map(t -> t.token()).hasValue(error.path("scimType").asText());
                    });
            assertThat(CODEC.write(before)).as("P-PAT-09: the input is untouched").isEqualTo(beforeJson);
            return;
        }
        PatchResult result = engine.apply(before, request);
        JsonNode after = golden.get("after");
        assertThat(PatchJson.tree(result.resource())).as(golden.path("description").asText()).isEqualTo(after);
        boolean expectChanged = golden.has("changed")
                ? golden.get("changed").asBoolean()
                : !PatchJson.tree(before).equals(after);
        assertThat(result.changed()).as("changed").isEqualTo(expectChanged);
        assertThat(result.modified().isEmpty()).isEqualTo(!expectChanged);
        if (!expectChanged) {
            assertThat(result.resource()).as("P-PAT-ADD-08: the very input").isSameAs(before);
        }
        assertThat(CODEC.write(before)).isEqualTo(beforeJson);
    }

    private static final String USER_JSON = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"1","userName":"bjensen",
             "nickName":"Babs","emails":[{"value":"a@x.org","type":"work"}]}""";

    @Test
    void modifiedNamesCanonicalTopLevelPathsWithExtensionUrns() {
        PatchRequest request = PatchJson.request("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                 {"op":"replace","path":"NICKNAME","value":"B"},
                 {"op":"add","path":"emails[type eq \\"work\\"].display","value":"W"},
                 {"op":"add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value","value":"m"},
                 {"op":"replace","path":"title","value":"T"},
                 {"op":"remove","path":"title"}]}""");
        PatchResult result = PatchEngine.of(REGISTRY, USER, PatchSettings.strict())
                .apply(PatchJson.resource(USER_JSON, USER), request);
        assertThat(result.changed()).isTrue();
        assertThat(result.modified()).containsExactlyInAnyOrder(
                AttributePath.of("nickName"), AttributePath.of("emails"), AttributePath.of("schemas"),
                new AttributePath(CoreSchemas.ENTERPRISE_USER_URN, "manager", null));
    }

    @Test
    void q6SecondOperationOnTheSameFilterFillsTheSameElement() {
        PatchRequest request = PatchJson.request("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                 {"op":"add","path":"addresses[type eq \\"work\\"].streetAddress","value":"1 Main St"},
                 {"op":"add","path":"addresses[type eq \\"work\\"].locality","value":"Springfield"},
                 {"op":"add","path":"addresses[type eq \\"work\\"].postalCode","value":"12345"}]}""");
        PatchResult result = PatchEngine.of(REGISTRY, USER, PatchSettings.lenient())
                .apply(PatchJson.resource(USER_JSON, USER), request);
        assertThat(PatchJson.tree(result.resource()).get("addresses")).isEqualTo(PatchJson.tree("""
                [{"type":"work","streetAddress":"1 Main St","locality":"Springfield","postalCode":"12345"}]"""));
    }

    @Test
    void upsertCanBeSwitchedOffInTheLenientPreset() {
        PatchRequest request = PatchJson.request("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                 {"op":"add","path":"emails[type eq \\"home\\"].value","value":"h@x.org"}]}""");
        PatchEngine engine = PatchEngine.of(REGISTRY, USER, PatchSettings.lenient().withUpsertUnmatchedValueFilter(false));
        assertThatThrownBy(() -> engine.apply(PatchJson.resource(USER_JSON, USER), request))
                .isInstanceOfSatisfying(ScimException.class,
                        failure -> assertThat(failure.scimType()).map(t -> t.token()).hasValue("noTarget"));
    }

    @Test
    void presetsMatchTheRfcAndTheLenientDialect() {
        assertThat(PatchSettings.strict()).isEqualTo(new PatchSettings(io.scimkit.core.filter.FilterSettings.strict(),
                io.scimkit.core.schema.UnknownAttributePolicy.REJECT, false, false));
        assertThat(PatchSettings.lenient()).isEqualTo(new PatchSettings(io.scimkit.core.filter.FilterSettings.lenient(),
                io.scimkit.core.schema.UnknownAttributePolicy.IGNORE, true, true));
        assertThat(PatchSettings.strict().withRemoveWithValueRemovesListed(true).removeWithValueRemovesListed()).isTrue();
    }
}
