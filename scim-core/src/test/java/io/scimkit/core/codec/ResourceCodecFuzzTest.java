package io.scimkit.core.codec;

import static io.scimkit.core.codec.CodecFixtures.CODEC;
import static io.scimkit.core.codec.CodecFixtures.GROUP;
import static io.scimkit.core.codec.CodecFixtures.USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.resource.ScimResource;

/**
 * Arbitrary bytes as a request body: the codec returns a resource or throws a 400
 * {@code invalidSyntax}/{@code invalidValue}, never anything else (no parser exception, no
 * StackOverflowError, no NumberFormatException). A resource it returns also writes and reads
 * back to itself.
 *
 * <p>Without {@code JAZZER_FUZZ=1} this replays the seed corpus under
 * {@code ResourceCodecFuzzTestInputs/readNeverFailsUnexpectedly/}; with it, Jazzer fuzzes for
 * up to five minutes.
 */
class ResourceCodecFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void readNeverFailsUnexpectedly(byte[] body) {
        readAndRoundTrip(body);
        try {
            CODEC.readValue(body);
        } catch (ScimException expected) {
            assertClientError(expected);
        }
    }

    private static void readAndRoundTrip(byte[] body) {
        ScimResource user;
        try {
            user = CODEC.read(body, USER);
        } catch (ScimException expected) {
            assertClientError(expected);
            return;
        }
        byte[] written = CODEC.write(user);
        ScimResource reread = CODEC.read(written, USER);
        assertThat(CODEC.write(reread)).isEqualTo(written);
        // The same body as a Group must not fail differently: only names resolve otherwise.
        try {
            CODEC.read(body, GROUP);
        } catch (ScimException unexpected) {
            throw new AssertionError("readable as a User but not as a Group: " + unexpected, unexpected);
        }
    }

    private static void assertClientError(ScimException error) {
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.scimType()).get().isIn(ScimErrorType.INVALID_SYNTAX, ScimErrorType.INVALID_VALUE);
        assertThat(error.detail()).doesNotContain("com.fasterxml", "Source:");
    }
}
