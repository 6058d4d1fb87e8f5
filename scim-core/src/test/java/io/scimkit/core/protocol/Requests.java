package io.scimkit.core.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Builds protocol-level requests and reads response bodies for the endpoint tests. */
final class Requests {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ScimPrincipal ALICE = ScimPrincipal.of("alice-admin");

    private Requests() {
    }

    static ScimRequest get(String pathAndQuery) {
        return request("GET", pathAndQuery, null, ALICE);
    }

    static ScimRequest request(String method, String pathAndQuery, @Nullable String body, @Nullable ScimPrincipal principal) {
        int query = pathAndQuery.indexOf('?');
        ScimRequest request = ScimRequest.of(method, query < 0 ? pathAndQuery : pathAndQuery.substring(0, query), principal)
                .withQuery(query < 0 ? "" : pathAndQuery.substring(query + 1));
        if (body != null) {
            request = request.withBody(body.replace('\'', '"').getBytes(StandardCharsets.UTF_8))
                    .withHeaders(HttpHeaders.of("Content-Type", "application/scim+json"));
        }
        return request;
    }

    static JsonNode json(ScimResponse response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
