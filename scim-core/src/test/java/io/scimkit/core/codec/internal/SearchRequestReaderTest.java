package io.scimkit.core.codec.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.message.internal.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The SearchRequest reader (RFC 7644 §3.4.3, RFC 9865 §3; P-SRCH-02, P-SRCH-03, C-PAG-14). */
class SearchRequestReaderTest {
    private static final String URN = "\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"";

    private static SearchRequest read(String json) {
        return SearchRequestReader.read(json.getBytes(UTF_8));
    }

    private static ScimErrorType failure(String json) {
        return catchThrowableOfType(ScimException.class, () -> read(json)).scimType().orElseThrow();
    }

    @Test
    void readsEveryMember_PSRCH03() {
        SearchRequest request = read("{\"schemas\":[" + URN + "],\"attributes\":[\"displayName\",\"userName\"],"
                + "\"filter\":\"displayName sw \\\"smith\\\"\",\"sortBy\":\"userName\",\"sortOrder\":\"descending\","
                + "\"startIndex\":3,\"count\":10}");
        assertThat(request.attributes()).containsExactly("displayName", "userName");
        assertThat(request.excludedAttributes()).isEmpty();
        assertThat(request.filter()).isEqualTo("displayName sw \"smith\"");
        assertThat(request.sortBy()).isEqualTo("userName");
        assertThat(request.sortOrder()).isEqualTo("descending");
        assertThat(request.startIndex()).isEqualTo(3);
        assertThat(request.count()).isEqualTo(10);
        assertThat(request.cursor()).isNull();
        assertThat(request.usesCursor()).isFalse();
    }

    @Test
    void memberNamesIgnoreCaseAndUnknownMembersAreIgnored() {
        SearchRequest request = read("{\"SCHEMAS\":[" + URN + "],\"ExcludedAttributes\":[\"members\"],"
                + "\"COUNT\":2,\"extra\":{\"a\":[1,2]}}");
        assertThat(request.excludedAttributes()).containsExactly("members");
        assertThat(request.count()).isEqualTo(2);
    }

    @Test
    void emptyCursorAsksForTheFirstCursorPage_CPAG14() {
        SearchRequest request = read("{\"schemas\":[" + URN + "],\"cursor\":\"\",\"count\":5}");
        assertThat(request.usesCursor()).isTrue();
        assertThat(request.cursor()).isEmpty();
    }

    @Test
    void nullMembersCountAsAbsent() {
        SearchRequest request = read("{\"schemas\":[" + URN + "],\"filter\":null,\"count\":null,\"cursor\":null,"
                + "\"attributes\":null}");
        assertThat(request.filter()).isNull();
        assertThat(request.count()).isNull();
        assertThat(request.usesCursor()).isFalse();
        assertThat(request.attributes()).isEmpty();
    }

    @Test
    void integersBeyondTheIntRangeSaturate() {
        SearchRequest request = read("{\"schemas\":[" + URN + "],\"count\":99999999999999999999,"
                + "\"startIndex\":-99999999999}");
        assertThat(request.count()).isEqualTo(Integer.MAX_VALUE);
        assertThat(request.startIndex()).isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void integralFloatIsAccepted() {
        assertThat(read("{\"schemas\":[" + URN + "],\"count\":10.0}").count()).isEqualTo(10);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{}",
        "{\"schemas\":[]}",
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]}",
        "{\"schemas\":\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"}",
        "{\"filter\":\"userName eq \\\"x\\\"\"}"
    })
    void missingOrWrongSchemasIsInvalidSyntax_PSRCH02(String json) {
        assertThat(failure(json)).isEqualTo(ScimErrorType.INVALID_SYNTAX);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "attributes|\"userName\"",
        "attributes|[1]",
        "excludedAttributes|{}",
        "filter|1",
        "filter|[\"a\"]",
        "sortBy|true",
        "sortOrder|1",
        "cursor|5",
        "count|\"10\"",
        "startIndex|true",
        "count|[1]"
    })
    void wrongJsonTypeIsInvalidSyntax(String member, String value) {
        assertThat(failure("{\"schemas\":[" + URN + "],\"" + member + "\":" + value + "}"))
                .isEqualTo(ScimErrorType.INVALID_SYNTAX);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"count", "startIndex"})
    void fractionalNumberIsInvalidValue(String member) {
        assertThat(failure("{\"schemas\":[" + URN + "],\"" + member + "\":1.5}")).isEqualTo(ScimErrorType.INVALID_VALUE);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "[]", "{", "{\"schemas\":[" + URN + "]} x", "{\"schemas\":[" + URN + "],\"count\":1,"
            + "\"COUNT\":2}"})
    void malformedBodyIsInvalidSyntax(String json) {
        assertThat(failure(json)).isEqualTo(ScimErrorType.INVALID_SYNTAX);
    }
}
