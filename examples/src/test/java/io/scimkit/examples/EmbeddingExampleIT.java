package io.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.SeBootstrap;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the README's embedding sample: SCIM and the application's own resource on one server. */
class EmbeddingExampleIT {
    private static final String TOKEN = "embedding-token-0123456789";

    @Test
    void theSampleServesScimNextToItsOwnResource() throws Exception {
        SeBootstrap.Instance instance = EmbeddingExample.start(TOKEN, 0).toCompletableFuture().get(30, TimeUnit.SECONDS);
        try {
            URI base = instance.configuration().baseUri();
            ScimHttp scim = new ScimHttp(base.resolve("/scim/v2"), "Bearer " + TOKEN);
            ScimHttp.Answer created = scim.post("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                    + "\"userName\":\"alice@contoso.example\",\"externalId\":\"alice\","
                    + "\"emails\":[{\"type\":\"work\",\"value\":\"alice@contoso.example\"}]}");
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            // The sample requires emails and externalId: a User without them is refused.
            ScimHttp.Answer refused = scim.post("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                    + "\"userName\":\"bob@contoso.example\"}");
            assertThat(refused.status()).isEqualTo(400);
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(base.resolve("/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).isEqualTo("ok");
        } finally {
            instance.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
}
