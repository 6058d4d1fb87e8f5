package io.scimkit.jaxrs;

import io.scimkit.core.protocol.ScimResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Map;

/**
 * Writes a {@link ScimResponse} as a Jakarta REST {@link Response}: the same status and headers, and
 * the body (bytes, written by the runtime's mandatory {@code byte[]} provider, or a streamed body as a
 * {@link StreamingOutput}, written while it is read from the store) with the negotiated SCIM media type
 * in place of the service's {@code application/scim+json}. A streamed body that fails midway
 * aborts the connection: the client sees a truncated body, never a complete-looking one.
 */
final class JaxrsResponses {
    private static final MediaType SCIM_JSON = new MediaType("application", "scim+json");

    private JaxrsResponses() {
    }

    /** The response, its SCIM JSON body typed {@code mediaType}. */
    static Response of(ScimResponse response, String mediaType) {
        Response.ResponseBuilder builder = Response.status(response.status());
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("Content-Type")) {
                builder.header(header.getKey(), header.getValue());
            }
        }
        if (response.hasBody()) {
            String type = ResponseMediaType.contentType(response, mediaType);
            // Bytes as they are (no copy); a streamed body is written as the store reads it.
            if (response.isStreamed()) {
                builder.entity((StreamingOutput) response::writeBody);
            } else {
                byte[] body = response.body();
                // With its length known, the container sends the response in one write; without it, a
                // runtime may send the body as chunks and its end as a second write (Jersey on Jetty does).
                builder.entity(body).header("Content-Length", body.length);
            }
            // The two negotiated types as ready MediaType objects: a String header would be parsed
            // back into a MediaType by the runtime on every response. Both write the same header.
            if (type.equals(ResponseMediaType.SCIM_JSON)) {
                builder.type(SCIM_JSON);
            } else if (type.equals(ResponseMediaType.JSON)) {
                builder.type(MediaType.APPLICATION_JSON_TYPE);
            } else {
                builder.header("Content-Type", type);
            }
        }
        return builder.build();
    }
}
