package io.scimkit.core.codec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.patch.PatchOperation;
import io.scimkit.core.patch.PatchRequest;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.IntegerValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.NullValue;
import io.scimkit.core.value.StringValue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The PATCH message codec (RFC 7644 §3.5.2; digest P-PAT-02, P-PAT-03). */
class PatchRequestCodecTest {
    private static final String URN = "\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"";

    private static PatchRequest read(String json) {
        return PatchRequestCodec.read(json.getBytes(UTF_8));
    }

    @Test
    void readsEntraDefaultDialectOperationAsSent() {
        PatchRequest request = read("{\"schemas\":[" + URN + "],\"Operations\":[{\"op\":\"Replace\","
                + "\"path\":\"active\",\"value\":\"False\"}]}");
        assertThat(request.schemas()).containsExactly(PatchRequest.PATCH_OP_URN);
        assertThat(request.operations()).containsExactly(
                new PatchOperation("Replace", "active", StringValue.of("False")));
    }

    @Test
    void readsValuesUntypedAndKeepsMemberNames() {
        PatchRequest request = read("{\"schemas\":[" + URN + "],\"Operations\":["
                + "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"$ref\":null,\"value\":\"u1\"}]},"
                + "{\"op\":\"replace\",\"value\":{\"name.givenName\":\"A\",\"active\":true,\"n\":7}},"
                + "{\"op\":\"remove\",\"path\":\"members[value eq \\\"u1\\\"]\"}]}");
        assertThat(request.operations()).containsExactly(
                new PatchOperation("add", "members", MultiValue.of(ComplexValue.builder()
                        .put("$ref", NullValue.INSTANCE).put("value", "u1").build())),
                new PatchOperation("replace", null, ComplexValue.builder().put("name.givenName", "A")
                        .put("active", BooleanValue.TRUE).put("n", IntegerValue.of(7)).build()),
                new PatchOperation("remove", "members[value eq \"u1\"]", null));
    }

    @Test
    void jsonNullValueIsNullValueAndAbsentValueIsNull() {
        PatchRequest request = read("{\"schemas\":[" + URN + "],\"Operations\":["
                + "{\"op\":\"replace\",\"path\":\"title\",\"value\":null},{\"op\":\"remove\",\"path\":null}]}");
        assertThat(request.operations().get(0).value()).isEqualTo(NullValue.INSTANCE);
        assertThat(request.operations().get(1).value()).isNull();
        assertThat(request.operations().get(1).path()).isNull();
    }

    @Test
    void memberNamesAreCaseInsensitiveAndUnknownMembersAreSkipped() {
        PatchRequest request = read("{\"SCHEMAS\":[\"URN:IETF:params:scim:api:messages:2.0:patchop\"],"
                + "\"extra\":{\"deep\":[1,{\"x\":null}]},"
                + "\"operations\":[{\"OP\":\"add\",\"Path\":\"nickName\",\"VALUE\":\"Ali\",\"id\":\"ignored\"}]}");
        assertThat(request.operations()).containsExactly(new PatchOperation("add", "nickName", StringValue.of("Ali")));
    }

    @Test
    void writeReadsBackToTheSameRequest() {
        PatchRequest request = PatchRequest.of(List.of(
                new PatchOperation("Add", "members", MultiValue.of(ComplexValue.builder().put("value", "u1").build())),
                new PatchOperation("replace", null, ComplexValue.builder().put("active", BooleanValue.FALSE).build()),
                new PatchOperation("replace", "title", NullValue.INSTANCE),
                new PatchOperation("remove", "emails[type eq \"work\"]", null)));
        byte[] written = PatchRequestCodec.write(request);
        assertThat(PatchRequestCodec.read(written)).isEqualTo(request);
        assertThat(new String(written, UTF_8)).startsWith("{\"schemas\":[" + URN + "],\"Operations\":[");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "",
        "[]",
        "\"x\"",
        "null",
        "{",
        "{}",
        // P-PAT-02: the PatchOp URN must be listed
        "{\"Operations\":[{\"op\":\"add\",\"path\":\"a\",\"value\":1}]}",
        "{\"schemas\":[],\"Operations\":[{\"op\":\"add\",\"path\":\"a\",\"value\":1}]}",
        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"Operations\":[{\"op\":\"add\",\"value\":{}}]}",
        "{\"schemas\":" + URN + ",\"Operations\":[{\"op\":\"add\",\"value\":{}}]}",
        "{\"schemas\":[" + URN + ",7],\"Operations\":[{\"op\":\"add\",\"value\":{}}]}",
        // P-PAT-03: Operations is a non-empty array of objects
        "{\"schemas\":[" + URN + "]}",
        "{\"schemas\":[" + URN + "],\"Operations\":[]}",
        "{\"schemas\":[" + URN + "],\"Operations\":{\"op\":\"add\"}}",
        "{\"schemas\":[" + URN + "],\"Operations\":null}",
        "{\"schemas\":[" + URN + "],\"Operations\":[\"add\"]}",
        "{\"schemas\":[" + URN + "],\"Operations\":[[{\"op\":\"add\"}]]}",
        // op is a string; path a string
        "{\"schemas\":[" + URN + "],\"Operations\":[{\"path\":\"a\",\"value\":1}]}",
        "{\"schemas\":[" + URN + "],\"Operations\":[{\"op\":null,\"path\":\"a\"}]}",
        "{\"schemas\":[" + URN + "],\"Operations\":[{\"op\":[\"add\"],\"path\":\"a\"}]}",
        "{\"schemas\":[" + URN + "],\"Operations\":[{\"op\":\"remove\",\"path\":3}]}",
        "{\"schemas\":[" + URN + "],\"Operations\":[{\"op\":\"remove\",\"path\":{\"a\":1}}]}",
        // duplicates in any case, trailing content, malformed JSON
        "{\"schemas\":[" + URN + "],\"schemas\":[" + URN + "],\"Operations\":[{\"op\":\"add\",\"value\":{}}]}",
        "{\"schemas\":[" + URN + "],\"Operations\":[{\"op\":\"add\",\"OP\":\"remove\",\"path\":\"a\"}]}",
        "{\"schemas\":[" + URN + "],\"Operations\":[{\"op\":\"add\",\"value\":{\"a\":1,\"A\":2}}]}",
        "{\"schemas\":[" + URN + "],\"Operations\":[{\"op\":\"add\",\"value\":{}}]} {}",
        "{\"schemas\":[" + URN + "],\"Operations\":[{\"op\":\"add\",\"value\":{}}]",
        "{\"schemas\":[" + URN + "],\"Operations\":[{\"op\":\"add\",\"value\":tru}]}",
        "{'schemas':[" + URN + "],'Operations':[{'op':'add','value':{}}]}",
    })
    void malformedMessagesAreInvalidSyntax(String body) {
        ScimException error = catchThrowableOfType(ScimException.class, () -> read(body));
        assertThat(error).as("expected a ScimException for %s", body).isNotNull();
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.scimType()).contains(ScimErrorType.INVALID_SYNTAX);
        assertThat(error.detail()).doesNotContain("com.fasterxml", "Source:", "JsonToken");
    }

    @Test
    void tooDeepValueIsInvalidSyntax() {
        String deep = "[".repeat(100) + "]".repeat(100);
        ScimException error = catchThrowableOfType(ScimException.class, () -> read("{\"schemas\":[" + URN
                + "],\"Operations\":[{\"op\":\"add\",\"path\":\"x\",\"value\":" + deep + "}]}"));
        assertThat(error.scimType()).contains(ScimErrorType.INVALID_SYNTAX);
    }
}
