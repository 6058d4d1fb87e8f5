package io.scimkit.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** A small java.net.http client for the integration tests: sends what Entra sends, parses JSON answers. */
final class ScimHttp {
    static final String SCIM_JSON_UTF8 = "application/scim+json; charset=utf-8";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient shared = newClient();
    private final URI base;
    private final @Nullable String authorization;
    private final boolean connectionPerRequest;

    ScimHttp(URI base, @Nullable String authorization) {
        this(base, authorization, false);
    }

    /**
     * @param connectionPerRequest a new connection for every request: the adapter does not read the
     *     bodies of refused requests, after which the server may close a kept-alive connection
     */
    ScimHttp(URI base, @Nullable String authorization, boolean connectionPerRequest) {
        this.base = base;
        this.authorization = authorization;
        this.connectionPerRequest = connectionPerRequest;
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** One response: status, Content-Type, Location and the parsed body (or null). */
    record Answer(int status, String contentType, String location, @Nullable JsonNode json, String text) {
        JsonNode body() {
            if (json == null) {
                throw new AssertionError("no JSON body (status " + status + "): " + text);
            }
            return json;
        }
    }

    Answer send(String method, String pathAndQuery, @Nullable String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", SCIM_JSON_UTF8);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpClient client = connectionPerRequest ? newClient() : shared;
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = text.isEmpty() ? null : JSON.readTree(text);
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(""), json, text);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    Answer get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    Answer post(String path, String body) {
        return send("POST", path, body);
    }

    Answer patch(String path, String body) {
        return send("PATCH", path, body);
    }

    Answer delete(String path) {
        return send("DELETE", path, null);
    }
}
