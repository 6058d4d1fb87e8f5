package io.scimkit.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.patch.PatchEngine;
import io.scimkit.core.patch.PatchRequest;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Arbitrary bytes as a PATCH body, through the whole pipeline on a fixed user: codec, lenient and
 * strict dialect, engine. Reading and applying either succeed or throw a 400
 * {@link ScimException}; normalising never throws; nothing else ever escapes (no NPE, parser
 * exception, IndexOutOfBounds, NumberFormatException or StackOverflowError). A request that reads
 * also writes and reads back to itself.
 *
 * <p>Without {@code JAZZER_FUZZ=1} this replays the seed corpus under
 * {@code PatchRequestCodecFuzzTestInputs/readNormaliseApplyNeverFailsUnexpectedly/}.
 */
class PatchRequestCodecFuzzTest {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.core();
    private static final ResourceType USER = REGISTRY.resourceType("User").orElseThrow();
    private static final ScimResource ALICE = ResourceCodec.of(REGISTRY).read(
            resource("/io/scimkit/core/dialect/base-alice-managed.json"), USER);
    private static final ClientDialect LENIENT = ClientDialect.lenient();
    private static final ClientDialect STRICT = ClientDialect.strict();
    private static final PatchEngine LENIENT_ENGINE = PatchEngine.of(REGISTRY, USER, LENIENT.patchSettings());
    private static final PatchEngine STRICT_ENGINE = PatchEngine.of(REGISTRY, USER, STRICT.patchSettings());

    @FuzzTest(maxDuration = "5m")
    void readNormaliseApplyNeverFailsUnexpectedly(byte[] body) {
        PatchRequest request;
        try {
            request = PatchRequestCodec.read(body);
        } catch (ScimException expected) {
            assertThat(expected.status()).isEqualTo(400);
            return;
        }
        assertThat(PatchRequestCodec.read(PatchRequestCodec.write(request)).operations())
                .hasSameSizeAs(request.operations());
        apply(LENIENT_ENGINE, LENIENT.normalizePatch(request, USER, REGISTRY));
        apply(STRICT_ENGINE, STRICT.normalizePatch(request, USER, REGISTRY));
    }

    private static void apply(PatchEngine engine, PatchRequest request) {
        try {
            engine.apply(ALICE, request);
        } catch (ScimException expected) {
            assertThat(expected.status()).isEqualTo(400);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = PatchRequestCodecFuzzTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
