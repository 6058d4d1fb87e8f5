package io.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two tenants share one example server on H2 with a small heap; one of them is hostile. While the
 * hostile tenant reads a very large group in full (several at once), lists groups with their members,
 * filters on members, sends PATCH requests with tens of thousands of operations and holds dozens of
 * connections open with request bodies that arrive one byte at a time, the other tenant runs Entra's
 * provisioning cycle (create, lookup, PATCH with Entra's capitalised ops and string booleans, member
 * adds, reads). Every request of the well-behaved tenant must succeed; the hostile tenant may be
 * refused (400, 413, 429, 503) but never gets a 500 or a non-SCIM error body; the server survives
 * and both tenants are served afterwards. Sizes can be raised for a longer run with
 * {@code -Dscimkit.soak.members=} and {@code -Dscimkit.soak.seconds=}.
 */
class HostileTenantSoakIT {
    private static final String USER = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]";
    private static final String GROUP = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"]";
    private static final String PATCH_OP = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]";
    private static final int MEMBERS = Integer.getInteger("scimkit.soak.members", 120_000);
    private static final int SECONDS = Integer.getInteger("scimkit.soak.seconds", 25);
    private static final int MEMBERS_PER_PATCH = 5_000;
    private static final int FULL_GROUP_READERS = 4;
    private static final int SLOW_BODIES = 40;
    private static final int PATCH_OPERATIONS = 20_000;
    private static final String VICTIM_TOKEN = "victim-token-0123456789abcdef";
    private static final String HOSTILE_TOKEN = "hostile-token-0123456789abcdef";

    @TempDir
    Path temp;

    @Test
    void aHostileTenantCannotTakeTheServerFromAnother() throws Exception {
        Path tenants = Files.writeString(temp.resolve("tenants.properties"),
                "victim=" + VICTIM_TOKEN + "\nhostile=" + HOSTILE_TOKEN + "\n", StandardCharsets.UTF_8);
        List<String> arguments = List.of("--store", TestStores.h2(temp), "--tenants", tenants.toString());
        try (ServerProcess server = ServerProcess.start("-Xmx256m", arguments, Map.of())) {
            ScimHttp victim = new ScimHttp(server.baseUri(), "Bearer " + VICTIM_TOKEN);
            ScimHttp hostile = new ScimHttp(server.baseUri(), "Bearer " + HOSTILE_TOKEN);
            String bigGroup = largeGroup(hostile);
            ScimHttp.Answer someone = hostile.post("/Users", "{" + USER + ",\"userName\":\"target@fabrikam.example\"}");
            assertThat(someone.status()).as(someone.text()).isEqualTo(201);

            Hostility hostility = new Hostility(server.baseUri(), bigGroup, someone.body().path("id").asText());
            hostility.start();
            List<String> victimFailures;
            try {
                victimFailures = entraCycles(victim, hostility);
            } finally {
                hostility.stop();
            }

            assertThat(victimFailures).as("the well-behaved tenant's failed requests").isEmpty();
            assertThat(hostility.serverErrors).as("hostile requests answered 500 or without a SCIM body").isEmpty();
            assertThat(hostility.answered.get()).as("hostile requests that got an answer").isPositive();
            assertThat(server.isAlive()).isTrue();
            assertThat(victim.get("/Users?count=1").status()).isEqualTo(200);
            assertThat(hostile.get("/Groups/" + bigGroup + "?excludedAttributes=members").status())
                    .as("the store still works for the hostile tenant too").isEqualTo(200);
        }
    }

    /** The hostile tenant's group of {@link #MEMBERS} members, added by PATCHes of 5,000 (member ids need not exist). */
    private static String largeGroup(ScimHttp hostile) {
        ScimHttp.Answer group = hostile.post("/Groups", "{" + GROUP + ",\"displayName\":\"All employees\"}");
        assertThat(group.status()).as(group.text()).isEqualTo(201);
        String id = group.body().path("id").asText();
        for (int from = 0; from < MEMBERS; from += MEMBERS_PER_PATCH) {
            StringBuilder members = new StringBuilder();
            for (int m = from; m < Math.min(MEMBERS, from + MEMBERS_PER_PATCH); m++) {
                members.append(m == from ? "" : ",").append("{\"value\":\"member-").append(m)
                        .append("\",\"display\":\"Employee number ").append(m).append("\"}");
            }
            ScimHttp.Answer added = hostile.patch("/Groups/" + id, "{" + PATCH_OP
                    + ",\"Operations\":[{\"op\":\"Add\",\"path\":\"members\",\"value\":[" + members + "]}]}");
            assertThat(added.status()).as(added.text()).isIn(200, 204);
        }
        return id;
    }

    /** Entra's cycle for one user after another until the hostile phase is over; what went wrong, as text. */
    private static List<String> entraCycles(ScimHttp victim, Hostility hostility) {
        List<String> failures = new ArrayList<>();
        ScimHttp.Answer group = victim.post("/Groups", "{" + GROUP + ",\"displayName\":\"Sales\"}");
        expect(failures, "create group", group, 201);
        String groupId = group.json() == null ? "missing" : group.body().path("id").asText();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        for (int n = 0; System.nanoTime() < end || n < 10; n++) {
            String userName = "victim-" + n + "@contoso.example";
            ScimHttp.Answer created = victim.post("/Users", "{" + USER + ",\"userName\":\"" + userName + "\","
                    + "\"externalId\":\"" + n + "\",\"active\":true,\"name\":{\"givenName\":\"V\",\"familyName\":\"" + n
                    + "\"},\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\"" + userName + "\"}]}");
            if (!expect(failures, "create user", created, 201)) {
                continue;
            }
            String id = created.body().path("id").asText();
            ScimHttp.Answer lookup = victim.get("/Users?filter="
                    + URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8));
            if (expect(failures, "lookup", lookup, 200) && lookup.body().path("totalResults").asInt() != 1) {
                failures.add("lookup of " + userName + " found " + lookup.body().path("totalResults"));
            }
            expect(failures, "patch user", victim.patch("/Users/" + id, "{" + PATCH_OP + ",\"Operations\":["
                    + "{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Victim " + n + "\"}]}"), 200, 204);
            expect(failures, "add member", victim.patch("/Groups/" + groupId, "{" + PATCH_OP + ",\"Operations\":["
                    + "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + id + "\"}]}]}"), 200, 204);
            expect(failures, "read user", victim.get("/Users/" + id), 200);
            expect(failures, "disable user", victim.patch("/Users/" + id, "{" + PATCH_OP + ",\"Operations\":["
                    + "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}"), 200, 204);
        }
        ScimHttp.Answer members = victim.get("/Groups/" + groupId);
        if (expect(failures, "read group", members, 200)) {
            JsonNode list = members.body().path("members");
            if (list.size() < 10) {
                failures.add("the victim's group has " + list.size() + " members");
            }
        }
        return failures;
    }

    private static boolean expect(List<String> failures, String step, ScimHttp.Answer answer, int... statuses) {
        for (int status : statuses) {
            if (answer.status() == status) {
                return true;
            }
        }
        failures.add(step + ": " + answer.status() + " " + answer.text());
        return false;
    }

    /** The hostile tenant's traffic, on its own threads, until {@link #stop}. */
    private static final class Hostility {
        private final URI base;
        private final String bigGroup;
        private final String user;
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final ExecutorService threads = Executors.newCachedThreadPool();
        private final AtomicBoolean running = new AtomicBoolean(true);
        final Queue<String> serverErrors = new ConcurrentLinkedQueue<>();
        final AtomicInteger answered = new AtomicInteger();

        Hostility(URI base, String bigGroup, String user) {
            this.base = base;
            this.bigGroup = bigGroup;
            this.user = user;
        }

        void start() {
            for (int r = 0; r < FULL_GROUP_READERS; r++) {
                repeat(() -> send("GET", "/Groups/" + bigGroup, null));
            }
            repeat(() -> send("GET", "/Groups?count=1000", null));
            repeat(() -> send("GET", "/Groups?count=1&excludedAttributes=members&filter="
                    + URLEncoder.encode("members.display co \"x\"", StandardCharsets.UTF_8), null));
            repeat(() -> send("PATCH", "/Users/" + user, hugePatch()));
            for (int s = 0; s < SLOW_BODIES; s++) {
                threads.submit(this::slowBody);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            threads.shutdownNow();
            threads.awaitTermination(60, TimeUnit.SECONDS);
        }

        private void repeat(Runnable request) {
            threads.submit(() -> {
                while (running.get()) {
                    request.run();
                }
            });
        }

        private static String hugePatch() {
            StringBuilder operations = new StringBuilder();
            for (int o = 0; o < PATCH_OPERATIONS; o++) {
                operations.append(o == 0 ? "" : ",").append("{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"e")
                        .append(o).append("@x.example\"}]}");
            }
            return "{" + PATCH_OP + ",\"Operations\":[" + operations + "]}";
        }

        private void send(String method, String path, String body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + HOSTILE_TOKEN)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", ScimHttp.SCIM_JSON_UTF8);
            }
            try {
                HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
                answered.incrementAndGet();
                String type = response.headers().firstValue("Content-Type").orElse("");
                boolean scimError = response.statusCode() < 400 || type.startsWith("application/scim+json");
                if (response.statusCode() >= 500 && response.statusCode() != 503 || !scimError) {
                    serverErrors.add(method + " " + path.substring(0, Math.min(60, path.length())) + ": "
                            + response.statusCode() + " " + type);
                }
            } catch (IOException | RuntimeException refusedOrReset) {
                // A closed connection is a legitimate defence against a hostile client.
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }

        /** A create whose 100 KB body arrives one byte per second, until the server closes the connection. */
        private void slowBody() {
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + base.getPath() + "/Users HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                        + "Authorization: Bearer " + HOSTILE_TOKEN + "\r\nContent-Type: application/scim+json\r\n"
                        + "Content-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                while (running.get()) {
                    Thread.sleep(1_000);
                    out.write(' ');
                    out.flush();
                }
            } catch (IOException closedByServer) {
                // The server dropped a client that sends too slowly: what it should do.
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
