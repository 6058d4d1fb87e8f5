package io.scimkit.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.protocol.ScimResponse;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Bytes go to the runtime as they are; a streamed body (a large group's members, RFC 7643 §4.2)
 * goes as a {@link StreamingOutput} that writes only when the runtime sends the response.
 */
class JaxrsResponsesTest {
    @Test
    void bytesAreTheEntityAsTheyAre() {
        byte[] body = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
        Response response = JaxrsResponses.of(ScimResponse.json(200, body), ResponseMediaType.SCIM_JSON);
        assertThat(response.getEntity()).isSameAs(body);
        // Known length: the container can send headers and body in one write, not as chunks.
        assertThat(response.getHeaderString("Content-Length")).isEqualTo(String.valueOf(body.length));
    }

    @Test
    void aStreamedBodyIsWrittenOnlyWhenTheRuntimeSendsIt() throws IOException {
        int[] writes = {0};
        ScimResponse streamed = ScimResponse.streamed(200, out -> {
            writes[0]++;
            out.write("{\"members\":[]}".getBytes(StandardCharsets.UTF_8));
        }).withHeader("ETag", "W/\"3\"");

        Response response = JaxrsResponses.of(streamed, ResponseMediaType.SCIM_JSON);

        assertThat(writes[0]).isZero();
        assertThat(response.getHeaderString("Content-Length")).isNull();
        assertThat(response.getHeaderString("ETag")).isEqualTo("W/\"3\"");
        assertThat(response.getMediaType().toString()).isEqualTo("application/scim+json");
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        ((StreamingOutput) response.getEntity()).write(sent);
        assertThat(sent.toString(StandardCharsets.UTF_8)).isEqualTo("{\"members\":[]}");
        assertThat(writes[0]).isEqualTo(1);
    }
}
