package io.scimkit.core.codec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimkit.core.message.internal.ListResponse;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.StringValue;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ListResponse writer (RFC 7644 §3.4.2, RFC 9865 §2; P-LST-01..04, K-19, C-PAG-20). */
class ListResponseWriterTest {
    private static final ListResponseWriter WRITER = ListResponseWriter.of(SchemaRegistry.core());
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode write(ListResponse response) throws IOException {
        return MAPPER.readTree(WRITER.write(response));
    }

    private static ScimResource user(String id, String userName) {
        return ScimResource.of(ComplexValue.builder()
                .put("userName", userName)
                .put("id", id)
                .put("schemas", MultiValue.of(StringValue.of("urn:ietf:params:scim:schemas:core:2.0:User")))
                .build());
    }

    @Test
    void indexPageHasSchemasTotalsStartIndexAndResourcesInOrder() throws IOException {
        JsonNode json = write(ListResponse.index(List.of(user("1", "a"), user("2", "b")), 7, 3));
        assertThat(json.get("schemas").toString()).isEqualTo("[\"" + ListResponse.LIST_RESPONSE_URN + "\"]");
        assertThat(json.get("totalResults").asLong()).isEqualTo(7);
        assertThat(json.get("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(json.get("startIndex").asInt()).isEqualTo(3);
        assertThat(json.has("nextCursor")).isFalse();
        assertThat(json.get("Resources").size()).isEqualTo(2);
        assertThat(json.get("Resources").get(1).get("userName").asText()).isEqualTo("b");
    }

    @Test
    void resourcesAreWrittenInTheResourceCodecsMemberOrder() throws IOException {
        String text = new String(WRITER.write(ListResponse.index(List.of(user("1", "a")), 1, 1)),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"id\":\"1\","
                + "\"userName\":\"a\"}");
    }

    @Test
    void emptyPageStillHasResourcesArrayAndItemsPerPageZero_K19() throws IOException {
        JsonNode json = write(ListResponse.index(List.of(), 0, 1));
        assertThat(json.get("Resources").isArray()).isTrue();
        assertThat(json.get("Resources").size()).isZero();
        assertThat(json.get("itemsPerPage").asInt()).isZero();
        assertThat(json.get("startIndex").asInt()).isEqualTo(1);
        assertThat(json.get("totalResults").asInt()).isZero();
    }

    @Test
    void cursorPageHasCursorsAndNoStartIndex_CPAG20() throws IOException {
        JsonNode json = write(ListResponse.cursor(List.of(user("1", "a")), 5, "next-1", "prev_0"));
        assertThat(json.has("startIndex")).isFalse();
        assertThat(json.get("nextCursor").asText()).isEqualTo("next-1");
        assertThat(json.get("previousCursor").asText()).isEqualTo("prev_0");
        assertThat(json.get("itemsPerPage").asInt()).isEqualTo(1);
        assertThat(json.get("totalResults").asInt()).isEqualTo(5);
    }

    @Test
    void lastCursorPageHasNoNextCursor_CPAG04() throws IOException {
        JsonNode json = write(ListResponse.cursor(List.of(user("1", "a")), 1, null, null));
        assertThat(json.has("nextCursor")).isFalse();
        assertThat(json.has("previousCursor")).isFalse();
        assertThat(json.has("startIndex")).isFalse();
    }
}
