package io.scimkit.core.codec;

import static io.scimkit.core.codec.CodecFixtures.CODEC;
import static io.scimkit.core.codec.CodecFixtures.USER;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bodies that are not one well-formed JSON object within the limits are 400 {@code invalidSyntax}
 * (RFC 7644 §3.12), with a detail that names the position but never parser internals.
 */
class ResourceCodecInvalidSyntaxTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "",
        "   \n\t ",
        "[]",
        "[{\"userName\":\"x\"}]",
        "\"userName\"",
        "42",
        "true",
        "null",
        "{",
        "{\"userName\":",
        "{\"userName\":\"bj",
        "{\"userName\":\"bj\"",
        "{\"emails\":[{\"value\":\"a\"}",
        "{\"userName\" \"x\"}",
        "{\"userName\":\"x\",}",
        "{\"emails\":[\"a\",]}",
        "{\"emails\":[,\"a\"]}",
        "{'userName':'x'}",
        "{userName:\"x\"}",
        "{\"userName\":\"x\"} {}",
        "{\"userName\":\"x\"} x",
        "{\"userName\":\"x\"}]",
        "{\"a\":NaN}",
        "{\"a\":Infinity}",
        "{\"a\":01}",
        "{\"a\":+1}",
        "{\"a\":.5}",
        "{\"a\":1.}",
        "{\"a\":1e}",
        "{\"a\":tru}",
        "{\"a\":True}",
        "{\"a\":\"\\x\"}",
        "{\"a\":\"\\u12\"}",
        "{\"a\":\"tab\there\"}",
        "{\"a\":1 /* comment */}",
        "{\"a\":1} // comment",
        "{\"userName\":\"x\",\"userName\":\"y\"}",
        "{\"userName\":\"x\",\"USERNAME\":\"y\"}",
        "{\"foo\":1,\"FOO\":2}",
        "{\"emails\":[{\"value\":\"a\",\"Value\":\"b\"}]}",
        "{\"name\":{\"givenName\":\"a\",\"givenname\":\"b\"}}",
        "{\"x\":{\"y\":1,\"Y\":2}}",
        "{\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{},"
                + "\"URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER\":{}}",
        "{\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"a\",\"Department\":\"b\"}}",
    })
    void malformedBodiesAreInvalidSyntax(String body) {
        assertInvalidSyntax(body.getBytes(UTF_8));
    }

    static Stream<Arguments> malformedBytes() {
        return Stream.of(
                Arguments.of("invalid UTF-8 start byte in a string", bytes("{\"a\":\"", 0xC3, 0x28, "\"}")),
                Arguments.of("lone continuation byte", bytes("{\"a\":\"", 0x80, "\"}")),
                Arguments.of("truncated 3-byte sequence", bytes("{\"a\":\"", 0xE2, 0x82, "\"}")),
                Arguments.of("invalid byte in a member name", bytes("{\"", 0xFF, "\":1}")),
                Arguments.of("NUL outside a string", bytes("{\"a\":1}", 0x00)),
                Arguments.of("raw NUL in a string", bytes("{\"a\":\"", 0x00, "\"}")),
                Arguments.of("nesting 65 levels", ("{\"a\":" + "[".repeat(64) + "]".repeat(64) + "}").getBytes(UTF_8)),
                Arguments.of("nesting 10000 levels", ("{\"a\":" + "[".repeat(10_000)).getBytes(UTF_8)),
                Arguments.of("objects nested 100 levels", ("{\"a\":".repeat(100) + "1" + "}".repeat(100)).getBytes(UTF_8)),
                Arguments.of("string over 1 MiB", ("{\"a\":\"" + "x".repeat((1 << 20) + 1) + "\"}").getBytes(UTF_8)),
                Arguments.of("member name over 1024 chars", ("{\"" + "n".repeat(2000) + "\":1}").getBytes(UTF_8)),
                Arguments.of("number over 256 digits", ("{\"a\":" + "9".repeat(300) + "}").getBytes(UTF_8)),
                Arguments.of("decimal over 256 digits", ("{\"a\":0." + "9".repeat(300) + "}").getBytes(UTF_8)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformedBytes")
    void malformedByteSequencesAreInvalidSyntax(String description, byte[] body) {
        assertInvalidSyntax(body);
    }

    @Test
    void nestingUpToTheLimitIsAccepted() {
        // The resource object is level 1; 63 more levels of arrays reach the limit of 64.
        byte[] body = ("{\"a\":" + "[".repeat(63) + "]".repeat(63) + "}").getBytes(UTF_8);

        assertThat(CODEC.read(body, USER).get("a")).isPresent();
    }

    @Test
    void theDetailGivesThePositionAndNoParserInternals() {
        ScimException error = catchThrowableOfType(ScimException.class,
                () -> CODEC.read("{\n  \"userName\": \"x\",\n  \"title\" 7\n}".getBytes(UTF_8), USER));

        assertThat(error.detail()).contains("line 3").contains("column");
        assertThat(error.detail()).doesNotContain("jackson", "Source", "Exception", "title\" 7");
    }

    @Test
    void invalidUtf8IsNamedAsSuch() {
        ScimException error = catchThrowableOfType(ScimException.class,
                () -> CODEC.read(bytes("{\"a\":\"", 0xC3, 0x28, "\"}"), USER));

        assertThat(error.detail()).contains("UTF-8");
    }

    @Test
    void tooDeepNestingIsNamedAsALimit() {
        ScimException error = catchThrowableOfType(ScimException.class,
                () -> CODEC.read(("{\"a\":" + "[".repeat(200)).getBytes(UTF_8), USER));

        assertThat(error.detail()).contains("limit").contains("64");
    }

    @Test
    void aDuplicateNameIsNamedInTheDetail() {
        ScimException error = catchThrowableOfType(ScimException.class,
                () -> CODEC.read("{\"userName\":\"a\",\"USERNAME\":\"b\"}".getBytes(UTF_8), USER));

        assertThat(error.detail()).contains("\"USERNAME\"").contains("more than once");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", " ", "1 2", "[1,", "{\"a\":1,\"A\":2}", "\"x\" \"y\"", "nul"})
    void readValueRejectsMalformedValues(String body) {
        ScimException error = catchThrowableOfType(ScimException.class, () -> CODEC.readValue(body.getBytes(UTF_8)));

        assertThat(error.scimType()).contains(ScimErrorType.INVALID_SYNTAX);
    }

    private static void assertInvalidSyntax(byte[] body) {
        ScimException error = catchThrowableOfType(ScimException.class, () -> CODEC.read(body, USER));

        assertThat(error).as("error for %s", new String(body, 0, Math.min(body.length, 80), UTF_8)).isNotNull();
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.scimType()).contains(ScimErrorType.INVALID_SYNTAX);
        assertThat(error.detail()).doesNotContain("com.fasterxml", "Source:");
    }

    /** Concatenates text (as UTF-8) and raw byte values. */
    private static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }
}
