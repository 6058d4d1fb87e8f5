package io.scimkit.benchmarks.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small closed-loop HTTP load for the JDBC store scaling benchmark (BENCHMARKS.md, issue 7): a
 * number of threads send one kind of Entra request to a running example server for a fixed time and
 * report requests per second and latency percentiles. Kinds: {@code userName} (Entra's match,
 * {@code GET /Users?filter=userName eq "user<n>@example.com"}), {@code externalId} (the same by
 * {@code externalId eq "ext-<n>"}), {@code addMember} (Entra's
 * {@code PATCH /Groups/<id>} adding one user not yet a member). Users are those of
 * {@code benchmarks/jdbc/populate.sql}. Not a test: numbers only; every non-2xx answer is counted.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.scimkit.benchmarks.http.EntraStoreLoad
 * <tenantUrl> <users> <kind> <seconds> <threads> [groupId|tenant firstNonMember]} with the token in
 * {@code SCIM_TOKEN}.
 */
public final class EntraStoreLoad {
    private EntraStoreLoad() {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int users = Integer.parseInt(args[1]);
        String kind = args[2];
        int seconds = Integer.parseInt(args[3]);
        int threads = Integer.parseInt(args[4]);
        String group = args.length > 5 ? args[5] : "";
        AtomicInteger nextMember = new AtomicInteger(args.length > 6 ? Integer.parseInt(args[6]) : 1);
        String token = System.getenv("SCIM_TOKEN");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // Warm-up: a quarter of the time, not recorded.
        run(client, base, token, users, kind, Math.max(1, seconds / 4), threads, group, nextMember);
        Result result = run(client, base, token, users, kind, seconds, threads, group, nextMember);
        System.out.printf("%s users=%d threads=%d: %d requests in %d s = %.0f req/s; errors %d; "
                        + "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                kind, users, threads, result.count(), seconds, result.count() / (double) seconds, result.errors(),
                result.percentile(50), result.percentile(90), result.percentile(99), result.percentile(100));
    }

    record Result(long[] latencies, int count, int errors) {
        double percentile(double p) {
            if (count == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * count) - 1;
            return latencies[Math.max(0, Math.min(count - 1, index))] / 1_000_000.0;
        }
    }

    private static Result run(HttpClient client, URI base, String token, int users, String kind, int seconds,
            int threads, String group, AtomicInteger nextMember) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<long[]> perThread = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        int[] counts = new int[threads];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long[] latencies = new long[2_000_000];
            perThread.add(latencies);
            int index = t;
            Random random = new Random(42 + t);
            Thread worker = new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < end && n < latencies.length) {
                    HttpRequest request = request(base, token, kind, 1 + random.nextInt(users), group, nextMember);
                    long started = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() / 100 != 2) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException failed) {
                        errors.incrementAndGet();
                    }
                    latencies[n++] = System.nanoTime() - started;
                }
                counts[index] = n;
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(perThread.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new Result(all, total, errors.get());
    }

    private static HttpRequest request(URI base, String token, String kind, int n, String group,
            AtomicInteger nextMember) {
        HttpRequest.Builder builder;
        switch (kind) {
            case "userName" -> builder = HttpRequest.newBuilder(URI.create(base
                    + "/Users?filter=userName+eq+%22user" + n + "%40example.com%22")).GET();
            case "externalId" -> builder = HttpRequest.newBuilder(URI.create(base
                    + "/Users?filter=externalId+eq+%22ext-" + n + "%22")).GET();
            case "addMember" -> {
                String member = memberId(group.substring(group.indexOf('|') + 1), nextMember.getAndIncrement());
                builder = HttpRequest.newBuilder(URI.create(base + "/Groups/" + group.substring(0, group.indexOf('|'))))
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(
                                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                                        + "[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + member
                                        + "\"}]}]}"))
                        .header("Content-Type", "application/scim+json; charset=utf-8");
            }
            default -> throw new IllegalArgumentException("kind is userName, externalId or addMember");
        }
        return builder.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build();
    }

    /** The id populate.sql gives user n: md5(tenant || '/' || n) read as a UUID. */
    static String memberId(String tenant, int n) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("MD5")
                    .digest((tenant + "/" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String hex = java.util.HexFormat.of().formatHex(digest);
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20);
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
