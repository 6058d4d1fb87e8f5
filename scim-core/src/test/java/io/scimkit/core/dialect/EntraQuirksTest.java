package io.scimkit.core.dialect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimkit.core.codec.PatchRequestCodec;
import io.scimkit.core.codec.ResourceCodec;
import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.patch.PatchEngine;
import io.scimkit.core.patch.PatchRequest;
import io.scimkit.core.resource.ResourceValidator;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.resource.ValidationSettings;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden replay of what Entra ID, the SCIM Validator and Okta send (ENTRA-PROVISIONING.md §2, §7,
 * entra-samples/; PEERS §c item 10), through the real pipeline: {@code PatchRequestCodec.read},
 * {@code ClientDialect.normalizePatch}, {@code PatchEngine.apply} with the dialect's settings.
 * The cases are listed in {@code entra-quirks.csv}; every case runs in both presets: lenient must
 * produce the golden {@code <case>.after.json}; strict must either agree (RFC-valid shapes) or
 * fail with the precise RFC 7644 §3.12 error (DESIGN.md §5).
 *
 * <p>POST bodies ({@code *.body.json}) go through {@code ClientDialect.normalizeResource} and then
 * {@code ResourceValidator.validateForCreate}: lenient must give {@code <case>.after.json} and
 * validate; strict must leave them as sent and the validator must accept or reject them precisely.
 *
 * <p>To create a missing golden file, run with {@code -Dscimkit.golden.write=true}; the run still
 * fails so that the new file is reviewed before it is committed.
 */
class EntraQuirksTest {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.core();
    private static final ResourceCodec CODEC = ResourceCodec.of(REGISTRY);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String DIR = "/io/scimkit/core/dialect/";

    record Case(String name, ResourceType type, String base, String strict, String quirk) {
        @Override
        public String toString() {
            return name + " (" + quirk + ")";
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String line : new String(resource("entra-quirks.csv"), UTF_8).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\\|", -1);
            ResourceType type = REGISTRY.resourceType(cells[1]).orElseThrow();
            cases.add(Arguments.of(new Case(cells[0], type, cells[2], cells[3], cells[4])));
        }
        return cases.stream();
    }

    @Test
    void everySamplePatchAndQuirkRequestIsACase() throws IOException {
        List<String> listed = cases().map(arguments -> ((Case) arguments.get()[0]).name()).toList();
        List<String> requests;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources" + DIR))) {
            requests = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".request.json"))
                    .map(name -> name.substring(0, name.length() - ".request.json".length()))
                    .toList();
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(requests);
    }

    @ParameterizedTest(name = "[{index}] lenient {0}")
    @MethodSource("cases")
    void lenientProducesTheGoldenResource(Case quirk) {
        ClientDialect lenient = ClientDialect.lenient();
        ScimResource after = apply(lenient, quirk);
        assertGolden(quirk.name() + ".after.json", CODEC.write(after));
    }

    @ParameterizedTest(name = "[{index}] strict {0}")
    @MethodSource("cases")
    void strictAgreesOrFailsPrecisely(Case quirk) {
        ClientDialect strict = ClientDialect.strict();
        if (quirk.strict().equals("same") || quirk.strict().equals("ok")) {
            ScimResource after = apply(strict, quirk);
            JsonNode golden = tree(resource(quirk.name() + ".after.json"));
            if (quirk.strict().equals("same")) {
                assertThat(tree(CODEC.write(after))).isEqualTo(golden);
            } else {
                assertThat(tree(CODEC.write(after))).isNotEqualTo(golden);
            }
            assertThat(strict.firings()).isEmpty();
            return;
        }
        String[] expected = quirk.strict().split(" ");
        ScimException error = catchThrowableOfType(ScimException.class, () -> apply(strict, quirk));
        assertThat(error).as("strict must reject %s", quirk).isNotNull();
        assertThat(error.status()).isEqualTo(Integer.parseInt(expected[0]));
        assertThat(error.scimType().map(ScimErrorType::token)).contains(expected[1]);
    }

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of("entra-05a", "User", "ok"),
                Arguments.of("entra-05b", "User", "400 invalidValue"),
                Arguments.of("entra-15a", "Group", "400 invalidValue"),
                Arguments.of("entra-21a", "User", "ok"),
                Arguments.of("entra-21d", "User", "400 invalidValue"));
    }

    @ParameterizedTest(name = "[{index}] {0} strict: {2}")
    @MethodSource("bodies")
    void postBodiesAreNormalisedInLenientAndValidatedAsSentInStrict(String name, String typeName, String strict) {
        ResourceType type = REGISTRY.resourceType(typeName).orElseThrow();
        ScimResource sent = CODEC.read(resource(name + ".body.json"), type);
        ClientDialect lenient = ClientDialect.lenient();
        ScimResource normalized = lenient.normalizeResource(sent, type, REGISTRY);
        assertGolden(name + ".after.json", CODEC.write(normalized));
        validator(lenient).validateForCreate(normalized, type);

        ClientDialect rfc = ClientDialect.strict();
        ScimResource asSent = rfc.normalizeResource(sent, type, REGISTRY);
        assertThat(asSent).isEqualTo(sent);
        assertThat(rfc.firings()).isEmpty();
        if (strict.equals("ok")) {
            validator(rfc).validateForCreate(asSent, type);
            return;
        }
        String[] expected = strict.split(" ");
        ScimException error = catchThrowableOfType(ScimException.class,
                () -> validator(rfc).validateForCreate(asSent, type));
        assertThat(error).as("strict must reject %s", name).isNotNull();
        assertThat(error.status()).isEqualTo(Integer.parseInt(expected[0]));
        assertThat(error.scimType().map(ScimErrorType::token)).contains(expected[1]);
    }

    /** The validator as a service would configure it for this dialect: unknown attributes as the engine treats them. */
    private static ResourceValidator validator(ClientDialect dialect) {
        return ResourceValidator.of(REGISTRY,
                ValidationSettings.rfc().withUnknownAttributes(dialect.patchSettings().unknownAttributes()));
    }

    @Test
    void firingsAreCountedPerDialectInstance() {
        ClientDialect lenient = ClientDialect.lenient();
        Case disable = new Case("entra-11a", REGISTRY.resourceType("User").orElseThrow(), "alice", "", "Q1+Q2");
        apply(lenient, disable);
        apply(lenient, disable);
        assertThat(lenient.firings()).containsEntry("op-case-insensitive", 2L).containsEntry("boolean-strings", 2L)
                .hasSize(2);
        assertThat(ClientDialect.lenient().firings()).isEmpty();
    }

    private static ScimResource apply(ClientDialect dialect, Case quirk) {
        PatchRequest sent = PatchRequestCodec.read(resource(quirk.name() + ".request.json"));
        PatchRequest normalized = dialect.normalizePatch(sent, quirk.type(), REGISTRY);
        ScimResource base = CODEC.read(resource("base-" + quirk.base() + ".json"), quirk.type());
        return PatchEngine.of(REGISTRY, quirk.type(), dialect.patchSettings()).apply(base, normalized).resource();
    }

    private static void assertGolden(String name, byte[] actual) {
        if (EntraQuirksTest.class.getResource(DIR + name) == null && Boolean.getBoolean("scimkit.golden.write")) {
            try {
                Files.write(Path.of("src/test/resources" + DIR + name),
                        MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree(actual)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new AssertionError("wrote missing golden file " + name + "; review it and run again");
        }
        assertThat(tree(actual)).isEqualTo(tree(resource(name)));
    }

    private static JsonNode tree(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = EntraQuirksTest.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new AssertionError("no test resource " + DIR + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
