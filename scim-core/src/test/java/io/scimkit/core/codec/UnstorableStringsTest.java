package io.scimkit.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11 finding 5 at the JSON decoder: a string value or member name holding U+0000 or an
 * unpaired surrogate, escaped or raw, is a 400 {@code invalidValue} wherever it is in a resource
 * or PATCH body, before any validation or store sees it.
 */
class UnstorableStringsTest {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.core();
    private static final ResourceType USER = REGISTRY.resourceType("User").orElseThrow();
    private static final String SCHEMAS = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]";

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "\"userName\":\"a\\u0000b\"",
        "\"userName\":\"\\ud800\"",
        "\"userName\":\"x\\udc00\"",
        "\"userName\":\"\\ude00\\ud83d\"",
        "\"userName\":\"bob\",\"displayName\":\"\\u0000\"",
        "\"userName\":\"bob\",\"externalId\":\"\\uD800x\"",
        "\"userName\":\"bob\",\"emails\":[{\"value\":\"b@example.com\",\"type\":\"\\u0000\"}]",
        "\"userName\":\"bob\",\"name\":{\"givenName\":\"\\ud800\"}",
        "\"userName\":\"bob\",\"x\\u0000\":1",
        "\"userName\":\"bob\",\"name\":{\"given\\u0000Name\":\"v\"}",
        "\"userName\":\"bob\",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"manager\":{\"value\":\"\\u0000\"}}",
        "\"userName\":\"bob\",\"unknown\":[\"ok\",{\"deep\":[\"\\u0000\"]}]",
        "\"userName\":\"bob\",\"photos\":[{\"value\":\"https://example.com/\\ud800\"}]"})
    void aResourceBodyWithOneIsInvalidValue(String members) {
        byte[] body = ("{" + SCHEMAS + "," + members + "}").getBytes(StandardCharsets.UTF_8);

        assertInvalidValue(catchThrowableOfType(ScimException.class, () -> ResourceCodec.of(REGISTRY).read(body, USER)));
    }

    /** A raw lone surrogate can only arrive as (invalid) 3-byte UTF-8; it is refused like the escape. */
    @Test
    void aRawSurrogateInUtf8IsRefusedToo() {
        byte[] prefix = ("{" + SCHEMAS + ",\"userName\":\"a").getBytes(StandardCharsets.UTF_8);
        byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
        byte[] suffix = "\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + surrogate.length + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        System.arraycopy(surrogate, 0, body, prefix.length, surrogate.length);
        System.arraycopy(suffix, 0, body, prefix.length + surrogate.length, suffix.length);

        ScimException error = catchThrowableOfType(ScimException.class, () -> ResourceCodec.of(REGISTRY).read(body, USER));

        assertThat(error).as("a raw surrogate is refused").isNotNull();
        assertThat(error.status()).isEqualTo(400);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"\\u0000\"}",
        "{\"op\":\"replace\",\"value\":{\"displayName\":\"\\ud800\"}}",
        "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"id\",\"display\":\"\\u0000\"}]}",
        "{\"op\":\"add\",\"value\":{\"x\\u0000\":\"v\"}}"})
    void aPatchValueWithOneIsInvalidValue(String operation) {
        byte[] body = ("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + operation
                + "]}").getBytes(StandardCharsets.UTF_8);

        assertInvalidValue(catchThrowableOfType(ScimException.class, () -> PatchRequestCodec.read(body)));
    }

    @Test
    void surrogatePairsAndOtherControlsAreKept() {
        byte[] body = ("{" + SCHEMAS + ",\"userName\":\"a\\ud83d\\ude00\\u0001\\t\"}").getBytes(StandardCharsets.UTF_8);

        assertThat(ResourceCodec.of(REGISTRY).read(body, USER).get("userName")).hasValueSatisfying(
                value -> assertThat(value.toString()).contains("a\uD83D\uDE00\u0001\t"));
    }

    private static void assertInvalidValue(ScimException error) {
        assertThat(error).as("the body is refused").isNotNull();
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.scimType()).contains(ScimErrorType.INVALID_VALUE);
        assertThat(error.detail()).containsPattern("contains (the character U\\+0000|an unpaired surrogate U\\+D[89A-F][0-9A-F]{2})")
                .contains("line 1");
    }
}
