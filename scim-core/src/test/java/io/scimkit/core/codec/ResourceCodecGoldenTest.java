package io.scimkit.core.codec;

import static io.scimkit.core.codec.CodecFixtures.CODEC;
import static io.scimkit.core.codec.CodecFixtures.REGISTRY;
import static io.scimkit.core.codec.CodecFixtures.resource;
import static io.scimkit.core.codec.CodecFixtures.text;
import static io.scimkit.core.codec.CodecFixtures.tree;
import static io.scimkit.core.codec.CodecFixtures.withoutUnassigned;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.ResourceType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden files: the RFC 7643 §8.2-§8.4 examples ({@code "USA"} corrected to {@code "US"} as the
 * errata ask, the x509 value joined into one line), Entra's create-user body (sample 05a) and a
 * case-mangled Enterprise User (Entra Q8, digest S-ATTR-01), each with its canonical output.
 */
class ResourceCodecGoldenTest {

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource({
        "rfc7643-8.2-full-user,        User,  rfc7643-8.2-full-user",
        "rfc7643-8.3-enterprise-user,  User,  rfc7643-8.3-enterprise-user",
        "rfc7643-8.4-group,            Group, rfc7643-8.4-group",
        "entra-05-create-user,         User,  entra-05-create-user",
        "case-mangled-enterprise-user, User,  rfc7643-8.3-enterprise-user",
    })
    void writesTheCanonicalOutputByteForByte(String input, String typeName, String expected) {
        ScimResource resource = CODEC.read(resource(input + ".json"), type(typeName));

        String written = text(CODEC.write(resource));

        assertThat(written).isEqualTo(text(resource(expected + ".expected.json")).strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "rfc7643-8.2-full-user,       User",
        "rfc7643-8.3-enterprise-user, User",
        "rfc7643-8.4-group,           Group",
        "entra-05-create-user,        User",
    })
    void writtenOutputIsTheInputLessUnassignedMembers(String input, String typeName) {
        byte[] json = resource(input + ".json");

        byte[] written = CODEC.write(CODEC.read(json, type(typeName)));

        assertThat(tree(written)).isEqualTo(withoutUnassigned(tree(json)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "rfc7643-8.2-full-user,        User",
        "rfc7643-8.3-enterprise-user,  User",
        "rfc7643-8.4-group,            Group",
        "entra-05-create-user,         User",
        "case-mangled-enterprise-user, User",
    })
    void readingTheOutputAgainGivesTheSameResource(String input, String typeName) {
        ResourceType type = type(typeName);
        ScimResource first = CODEC.read(resource(input + ".json"), type);

        byte[] written = CODEC.write(first);
        ScimResource second = CODEC.read(written, type);

        assertThat(second).isEqualTo(CODEC.read(CodecFixtures.bytes(withoutUnassigned(tree(resource(input + ".json")))), type));
        assertThat(CODEC.write(second)).isEqualTo(written);
    }

    private static ResourceType type(String name) {
        return REGISTRY.resourceType(name).orElseThrow();
    }
}
