package io.scimkit.core.codec.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.message.internal.BulkOperation;
import io.scimkit.core.message.internal.BulkOperationResult;
import io.scimkit.core.message.internal.BulkRequest;
import io.scimkit.core.message.internal.BulkResponse;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.NullValue;
import io.scimkit.core.value.StringValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 7644 §3.7 message shapes (P-BLK-02, P-BLK-03, P-BLK-10, K-25). */
class BulkCodecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static byte[] utf8(String json) {
        return json.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheOperationsWithTheirMembersInAnyCase() {
        BulkRequest request = BulkCodec.read(utf8("{'schemas':['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],"
                + "'FAILONERRORS':1,'operations':[{'method':'POST','path':'/Users','bulkId':'qwerty',"
                + "'data':{'userName':'alice','manager':null}},{'Method':'DELETE','Path':'/Users/1','Version':'W/\\'a\\'',"
                + "'unknown':{'x':[1]}}]}"));

        assertThat(request.failOnErrors()).isEqualTo(1);
        assertThat(request.operations()).hasSize(2);
        BulkOperation post = request.operations().get(0);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.bulkId()).isEqualTo("qwerty");
        assertThat(post.data()).isEqualTo(ComplexValue.builder().put("userName", "alice")
                .put("manager", NullValue.INSTANCE).build());
        assertThat(request.operations().get(1)).isEqualTo(new BulkOperation("DELETE", "/Users/1", null, "W/\"a\"", null));
    }

    /** P-BLK-02: a wrong or missing message URN, or a body that is no message, is invalidSyntax. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{'Operations':[]}",
        "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[]}",
        "{'schemas':'urn:ietf:params:scim:api:messages:2.0:BulkRequest','Operations':[]}",
        "{'schemas':['urn:ietf:params:scim:api:messages:2.0:BulkRequest']}",
        "{'schemas':['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],'Operations':{}}",
        "{'schemas':['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],'Operations':[1]}",
        "{'schemas':['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],'Operations':[{'path':'/Users'}]}",
        "{'schemas':['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],'Operations':[{'method':7}]}",
        "{'schemas':['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],'failOnErrors':'1','Operations':[]}",
        "{'schemas':['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],'failOnErrors':1.5,'Operations':[]}",
        "{'schemas':['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],'Operations':[],'operations':[]}",
        "{'schemas':['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],'Operations':[{'method':'POST','data':{}",
        "[]",
        ""})
    void malformedMessagesAreInvalidSyntax(String body) {
        assertThatThrownBy(() -> BulkCodec.read(utf8(body)))
                .isInstanceOfSatisfying(ScimException.class, failure -> {
                    assertThat(failure.status()).isEqualTo(400);
                    assertThat(failure.scimType()).contains(ScimErrorType.INVALID_SYNTAX);
                });
    }

    @Test
    void hugeFailOnErrorsMeansNeverStop() {
        BulkRequest request = BulkCodec.read(utf8("{'schemas':['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],"
                + "'failOnErrors':123456789012345678901234567890,'Operations':[]}"));
        assertThat(request.failOnErrors()).isEqualTo(Integer.MAX_VALUE);
    }

    /** K-25: status is a JSON string; the error body travels as response; absent members are left out. */
    @Test
    void writesStatusAsStringAndErrorAsResponse() throws Exception {
        ComplexValue error = ComplexValue.builder()
                .put("schemas", MultiValue.of(StringValue.of("urn:ietf:params:scim:api:messages:2.0:Error")))
                .put("status", "412").put("detail", "version mismatch").build();
        byte[] json = BulkCodec.write(new BulkResponse(List.of(
                new BulkOperationResult("POST", "qwerty", "https://example.com/v2/Users/1", "W/\"1\"", 201, null),
                new BulkOperationResult("PUT", null, "https://example.com/v2/Users/2", null, 412, error))));

        JsonNode tree = JSON.readTree(json);
        assertThat(tree).isEqualTo(JSON.readTree(utf8("{'schemas':['urn:ietf:params:scim:api:messages:2.0:BulkResponse'],"
                + "'Operations':[{'method':'POST','bulkId':'qwerty','version':'W/\\'1\\'',"
                + "'location':'https://example.com/v2/Users/1','status':'201'},"
                + "{'method':'PUT','location':'https://example.com/v2/Users/2','status':'412',"
                + "'response':{'schemas':['urn:ietf:params:scim:api:messages:2.0:Error'],'status':'412',"
                + "'detail':'version mismatch'}}]}")));
    }

    @Test
    void dataIsWrittenBackWithNullsAndEmptyArrays() {
        ComplexValue data = ComplexValue.builder().put("nickName", NullValue.INSTANCE)
                .put("emails", MultiValue.EMPTY).put("userName", "a").build();
        assertThat(new String(BulkCodec.writeData(data), StandardCharsets.UTF_8))
                .isEqualTo("{\"nickName\":null,\"emails\":[],\"userName\":\"a\"}");
    }
}
