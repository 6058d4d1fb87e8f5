package io.scimkit.core.codec;

import static io.scimkit.core.codec.CodecFixtures.CODEC;
import static io.scimkit.core.codec.CodecFixtures.USER;
import static io.scimkit.core.codec.CodecFixtures.text;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimkit.core.codec.internal.JsonFactories;
import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.CoreSchemas;
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
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Output shape and value fidelity: what a client sent is what it gets back. */
class ResourceCodecWriteTest {
    private static final String PREFIX = "{\"schemas\":[\"" + CoreSchemas.USER_URN + "\"],\"userName\":\"u\",";

    /** Each member is read as part of a User and must be written back exactly as expected. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
        "x":1.50                                   | "x":1.50
        "x":1.0                                    | "x":1.0
        "x":1                                      | "x":1
        "x":-17                                    | "x":-17
        "x":0.1                                    | "x":0.1
        "x":12345678901234567890                   | "x":12345678901234567890
        "x":-9223372036854775808                   | "x":-9223372036854775808
        "x":3.141592653589793238462643383279       | "x":3.141592653589793238462643383279
        "x":1E+3                                   | "x":1E+3
        "x":2.50E-7                                | "x":2.50E-7
        "x":1e3                                    | "x":1E+3
        "meta":{"created":"2010-01-23T04:56:22.000+01:00"} | "meta":{"created":"2010-01-23T04:56:22.000+01:00"}
        "meta":{"lastModified":"2010-01-23t04:56:22z"} | "meta":{"lastModified":"2010-01-23t04:56:22z"}
        "meta":{"created":"yesterday"}             | "meta":{"created":"yesterday"}
        "displayName":"Zoë Ñandú 日本語 😀"          | "displayName":"Zoë Ñandú 日本語 😀"
        "displayName":"\\u00e9\\ud83d\\ude00"      | "displayName":"é😀"
        "displayName":"q\\"b\\\\s\\n\\t\\r\\b\\f"  | "displayName":"q\\"b\\\\s\\n\\t\\r\\b\\f"
        "displayName":"ctl\\u0001\\u001f"          | "displayName":"ctl\\u0001\\u001F"
        "displayName":"a\\/b </script>"            | "displayName":"a/b </script>"
        "displayName":"\\u2028\\u2029"             | "displayName":"\u2028\u2029"
        "active":"True"                            | "active":"True"
        "active":false                             | "active":false
        "x509Certificates":[{"value":"AAEC/w=="}]  | "x509Certificates":[{"value":"AAEC/w=="}]
        "profileUrl":"HTTPS://Example.COM/~a"      | "profileUrl":"HTTPS://Example.COM/~a"
        "ñame-Ünknown":{"A":[1,2.5,"s",true,{}]}   | "ñame-Ünknown":{"A":[1,2.5,"s",true,{}]}
        "unknown":[null,[],[[1]]]                  | "unknown":[null,[],[[1]]]
        "name":{"givenName":"g","familyName":null} | "name":{"givenName":"g"}
        "name":{"givenName":null}                  | "name":{}
        "emails":[{"value":"a@b","display":null}]  | "emails":[{"value":"a@b"}]
        "title":"","nickName":" "                  | "title":"","nickName":" "
        "roles":[],"title":null,"zz":9             | "zz":9
        """)
    void membersAreWrittenBackAsSent(String member, String expected) {
        byte[] written = CODEC.write(CODEC.read((PREFIX + member + "}").getBytes(UTF_8), USER));

        assertThat(text(written)).isEqualTo(PREFIX + expected + "}");
    }

    @Test
    void commonAttributesLeadAndExtensionsTrail() {
        ComplexValue body = ComplexValue.builder()
                .put(CoreSchemas.ENTERPRISE_USER_URN, ComplexValue.builder().put("department", "d").build())
                .put("meta", ComplexValue.builder().put("resourceType", "User").build())
                .put("userName", "u")
                .put("urn:example:unregistered", ComplexValue.builder().put("k", "v").build())
                .put("externalId", "e")
                .put("id", "1")
                .put("schemas", MultiValue.of(ReferenceValue.of(CoreSchemas.USER_URN)))
                .put("active", true)
                .build();

        String written = text(CODEC.write(ScimResource.of(body)));

        assertThat(written).isEqualTo("{\"schemas\":[\"" + CoreSchemas.USER_URN + "\"],\"id\":\"1\",\"externalId\":\"e\","
                + "\"meta\":{\"resourceType\":\"User\"},\"userName\":\"u\",\"urn:example:unregistered\":{\"k\":\"v\"},"
                + "\"active\":true,\"" + CoreSchemas.ENTERPRISE_USER_URN + "\":{\"department\":\"d\"}}");
    }

    @Test
    void everyValueKindIsWritten() {
        ComplexValue body = ComplexValue.builder()
                .put("s", StringValue.of("t"))
                .put("b", BooleanValue.FALSE)
                .put("i", IntegerValue.of(Long.MIN_VALUE))
                .put("d", DecimalValue.of(new BigDecimal("-0.010")))
                .put("dt", DateTimeValue.parse("2011-05-13T04:42:34.1Z").orElseThrow())
                .put("bin", BinaryValue.of("AA=="))
                .put("ref", ReferenceValue.of("urn:x"))
                .put("c", ComplexValue.EMPTY)
                .put("m", MultiValue.of(NullValue.INSTANCE, MultiValue.EMPTY))
                .put("n", NullValue.INSTANCE)
                .put("e", MultiValue.EMPTY)
                .build();

        assertThat(text(CODEC.write(ScimResource.of(body)))).isEqualTo("{\"s\":\"t\",\"b\":false,"
                + "\"i\":-9223372036854775808,\"d\":-0.010,\"dt\":\"2011-05-13T04:42:34.1Z\",\"bin\":\"AA==\","
                + "\"ref\":\"urn:x\",\"c\":{},\"m\":[null,[]]}");
    }

    @Test
    void nonAsciiIsWrittenAsRawUtf8() {
        byte[] written = CODEC.write(ScimResource.of(ComplexValue.builder().put("displayName", "é😀").build()));

        assertThat(written).containsSequence(0xC3, 0xA9).containsSequence(0xF0, 0x9F, 0x98, 0x80);
        assertThat(text(written)).doesNotContain("\\u");
    }

    @Test
    void aLoneSurrogateIsWrittenAsAnEscapeAndRefusedOnRead() {
        // No request can bring one in (issue 11); a store or an application still might.
        byte[] written = CODEC.write(ScimResource.of(ComplexValue.builder().put("displayName", "a\ud800b").build()));

        assertThat(text(written)).containsIgnoringCase("a\\ud800b");
        assertThatThrownBy(() -> CODEC.read(written, USER)).isInstanceOfSatisfying(ScimException.class,
                error -> assertThat(error.scimType()).contains(ScimErrorType.INVALID_VALUE));
    }

    @Test
    void writingToAStreamGivesTheSameBytesAndLeavesTheStreamOpen() {
        ScimResource resource = CODEC.read(CodecFixtures.resource("rfc7643-8.4-group.json"), CodecFixtures.GROUP);
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("the codec must not close the caller's stream");
            }
        };

        CODEC.write(resource, out);

        assertThat(out.toByteArray()).isEqualTo(CODEC.write(resource));
    }

    @Test
    void writeValueWritesAnyValue() {
        ScimValue value = CODEC.readValue("[{\"a\":1.50},null,\"x\"]".getBytes(UTF_8));

        assertThat(text(CODEC.writeValue(value))).isEqualTo("[{\"a\":1.50},null,\"x\"]");
        assertThat(text(CODEC.writeValue(NullValue.INSTANCE))).isEqualTo("null");
    }

    @Test
    void aValueNestedBeyondTheWriteLimitIsRejected() {
        ScimValue deep = StringValue.of("leaf");
        for (int i = 0; i < JsonFactories.MAX_WRITE_NESTING_DEPTH + 1; i++) {
            deep = MultiValue.of(deep);
        }
        ScimValue tooDeep = deep;

        assertThatThrownBy(() -> CODEC.writeValue(tooDeep)).isInstanceOf(IllegalArgumentException.class);
    }
}
