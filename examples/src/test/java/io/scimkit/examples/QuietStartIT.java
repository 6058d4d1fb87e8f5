package io.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example server starts and serves its first request without a single warning or error line,
 * on the memory store and on the default H2 store: a warning at start teaches operators to ignore
 * warnings (Jersey, for one, warns about resources registered as instances unless they go in as
 * programmatic resources).
 */
class QuietStartIT {
    private static final String TOKEN = "quiet-start-token-0123456789";

    @TempDir
    Path data;

    @Test
    void startsWithoutWarningsOnTheMemoryStore() throws Exception {
        assertQuietStart(List.of("--store", "memory"));
    }

    @Test
    void startsWithoutWarningsOnTheDefaultH2Store() throws Exception {
        assertQuietStart(List.of("--store", "h2:" + Files.createDirectories(data.resolve("scim-data"))));
    }

    private static void assertQuietStart(List<String> arguments) throws Exception {
        try (ServerProcess server = ServerProcess.start(arguments, Map.of("SCIM_TOKEN", TOKEN))) {
            HttpResponse<String> lookup = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.baseUri() + "/Users?filter=userName+eq+%22nobody%22"))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(lookup.statusCode()).isEqualTo(200);
            assertThat(server.output().lines())
                    .as("the server's output at start:\n%s", server.output())
                    .noneMatch(line -> line.matches("(?i).*\\b(WARN|WARNING|ERROR|SEVERE)\\b.*"));
        }
    }
}
