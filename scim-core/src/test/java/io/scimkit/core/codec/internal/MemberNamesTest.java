package io.scimkit.core.codec.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scimkit.core.codec.PatchRequestCodec;
import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.patch.PatchRequest;
import io.scimkit.core.value.ComplexValue;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Duplicate member names (RFC 7643 §2.1: names are case-insensitive) are found whether an object
 * has a few members (compared one by one) or more than {@code MemberNames} lists before it
 * switches to a set of folded names.
 */
class MemberNamesTest {

    /** A PATCH body whose value object has {@code count} members a0..a(n-1), then {@code extra} if given. */
    private static byte[] body(int count, String extra) {
        StringBuilder value = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            value.append(i == 0 ? "" : ",").append("\"a").append(i).append("\":").append(i);
        }
        if (!extra.isEmpty()) {
            value.append(",\"").append(extra).append("\":true");
        }
        value.append('}');
        return ("{\"schemas\":[\"" + PatchRequest.PATCH_OP_URN + "\"],\"Operations\":[{\"op\":\"add\",\"value\":"
                + value + "}]}").getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0} members, then \"{1}\" is a duplicate")
    @CsvSource({"3, A1", "11, a10", "12, A11", "12, A0", "13, A12", "13, a5", "40, A39", "40, a0"})
    void duplicateInAnyCaseIsInvalidSyntax(int count, String duplicate) {
        ScimException error = catchThrowableOfType(() -> PatchRequestCodec.read(body(count, duplicate)),
                ScimException.class);
        assertThat(error).isNotNull();
        assertThat(error.scimType()).contains(ScimErrorType.INVALID_SYNTAX);
    }

    @ParameterizedTest(name = "{0} distinct members, then \"{1}\"")
    @CsvSource({"3, b1", "12, a12", "13, a13", "40, a40", "40, ''"})
    void distinctNamesAreRead(int count, String extra) {
        PatchRequest request = PatchRequestCodec.read(body(count, extra));
        ComplexValue value = (ComplexValue) request.operations().get(0).value();
        assertThat(value.attributes()).hasSize(count + (extra.isEmpty() ? 0 : 1));
    }
}
