package io.scimkit.examples.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimkit.examples.ExampleServer;
import io.scimkit.examples.HttpLimits;
import io.scimkit.examples.ServerEnvironment;
import io.scimkit.examples.ServerOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow request bodies (issue 11 finding 4): one tenant opening many connections that send a large body
 * a byte at a time cannot starve another tenant, because a tenant's requests beyond its share are
 * refused with 429 before their body is read; a body slower than the minimum rate fails, and so does a
 * connection that stops sending. No timing assertions: only generous client timeouts.
 */
class SlowBodiesIT {
    private static final String GREEDY_TOKEN = "greedy-0123456789abcdefghijklmnop";
    private static final String PATIENT_TOKEN = "patient-0123456789abcdefghijklmno";
    private static final int SLOW_CONNECTIONS = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ExampleServer start(HttpLimits limits) throws IOException {
        Path tenants = dir.resolve("tenants.properties");
        Files.writeString(tenants, "greedy=" + GREEDY_TOKEN + "\npatient=" + PATIENT_TOKEN + "\n");
        Files.setPosixFilePermissions(tenants, PosixFilePermissions.fromString("rw-------"));
        return ExampleServer.start(ServerOptions.defaults().withStore("memory").withPort(0).withTenantsFile(tenants)
                .withHttp(limits), ServerEnvironment.standard()
                .withConsole(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .withoutRequestLogs());
    }

    @Test
    void oneTenantsSlowBodiesDoNotStarveAnotherTenant() throws Exception {
        // Fewer threads than slow connections, no idle timeout or minimum rate to help: only the per-tenant
        // limit keeps a thread free for the other tenant.
        try (ExampleServer server = start(new HttpLimits(16, 4, Duration.ofMinutes(5), 0))) {
            List<Socket> slow = new ArrayList<>();
            ExecutorService readers = Executors.newFixedThreadPool(SLOW_CONNECTIONS);
            try {
                for (int i = 0; i < SLOW_CONNECTIONS; i++) {
                    slow.add(startSlowPost(server.port(), GREEDY_TOKEN));
                }
                List<CompletableFuture<RawHttp.Answer>> answers = new ArrayList<>();
                for (Socket socket : slow) {
                    answers.add(CompletableFuture.supplyAsync(() -> readQuietly(socket), readers));
                }

                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(20)).build();
                for (int probe = 0; probe < 5; probe++) {
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                                    URI.create(server.baseUri() + "/Users?count=1"))
                            .timeout(Duration.ofSeconds(20))
                            .header("Authorization", "Bearer " + PATIENT_TOKEN).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).as("probe %d of the other tenant", probe).isEqualTo(200);
                }

                List<RawHttp.Answer> refused = answers.stream().map(CompletableFuture::join)
                        .filter(answer -> answer.status() == 429).toList();
                assertThat(refused).as("the greedy tenant's requests over its share of 4")
                        .hasSizeGreaterThanOrEqualTo(SLOW_CONNECTIONS - 4);
                RawHttp.Answer first = refused.get(0);
                assertThat(first.header("Retry-After")).hasValue("1");
                assertThat(first.header("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/scim+json"));
                assertThat(JSON.readTree(first.body()).path("status").asText()).isEqualTo("429");
            } finally {
                for (Socket socket : slow) {
                    socket.close();
                }
                readers.shutdownNow();
            }
        }
    }

    @Test
    void aBodySlowerThanTheMinimumRateFails() throws Exception {
        try (ExampleServer server = start(new HttpLimits(32, 4, Duration.ofMinutes(5), 1024));
                Socket socket = startSlowPost(server.port(), GREEDY_TOKEN)) {
            Thread trickle = new Thread(() -> trickle(socket), "trickle");
            trickle.start();
            RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
            trickle.interrupt();
            assertThat(answer.timedOut()).as("the server gave up on the body").isFalse();
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(JSON.readTree(answer.body()).path("status").asText()).isEqualTo("400");
        }
    }

    @Test
    void aBodyThatStopsArrivingEndsAtTheIdleTimeout() throws Exception {
        try (ExampleServer server = start(new HttpLimits(32, 4, Duration.ofSeconds(2), 0));
                Socket socket = startSlowPost(server.port(), GREEDY_TOKEN)) {
            RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
            assertThat(answer.timedOut()).as("the server gave up on the connection").isFalse();
            assertThat(answer.status()).as("an error, or the connection closed without one").isIn(0, 400, 408);
        }
    }

    /** Opens a connection and sends a POST announcing a 100 KB body, then its first byte only. */
    private static Socket startSlowPost(int port, String token) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 20_000);
        socket.setSoTimeout(RawHttp.READ_TIMEOUT_MILLIS);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /scim/v2/Users HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/scim+json\r\nContent-Length: 100000\r\n\r\n{")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return socket;
    }

    /** One more byte of the body every 1.5 seconds, until interrupted or the server closes. */
    private static void trickle(Socket socket) {
        try {
            for (int i = 0; i < 40; i++) {
                Thread.sleep(1_500);
                socket.getOutputStream().write(' ');
                socket.getOutputStream().flush();
            }
        } catch (IOException | InterruptedException stopped) {
            // The server answered or closed the connection, or the test is over.
        }
    }

    private static RawHttp.Answer readQuietly(Socket socket) {
        try {
            return RawHttp.read(socket.getInputStream());
        } catch (IOException closed) {
            return new RawHttp.Answer(0, java.util.Map.of(), "", false);
        }
    }
}
