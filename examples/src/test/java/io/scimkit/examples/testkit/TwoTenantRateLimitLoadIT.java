package io.scimkit.examples.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.examples.ExampleServer;
import io.scimkit.examples.HttpLimits;
import io.scimkit.examples.ServerEnvironment;
import io.scimkit.examples.ServerOptions;
import io.scimkit.testkit.load.LoadPlan;
import io.scimkit.testkit.load.LoadReport;
import io.scimkit.testkit.load.LoadRunner;
import io.scimkit.testkit.target.HttpTarget;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-tenant rate limits under the testkit's load mode (issue 14, tokens and limits): two tenants run an
 * Entra provisioning cycle against one example server at the same time, each limited to
 * {@value #RATE} requests per second in bursts of {@value #BURST}. Tenant {@code greedy} sends from
 * {@value #GREEDY_WORKERS} workers without pause, far above its limit: it gets 429s, each with a
 * {@code Retry-After} and an RFC 7644 §3.12 error body (the load mode records any 429 without them as a
 * problem), and by waiting as {@code Retry-After} says it still completes its cycle. Tenant {@code steady}
 * sends one request at a time at half its limit, and gets no 429 at all: the other tenant's burst
 * costs it nothing. No timing is asserted, only counts.
 */
class TwoTenantRateLimitLoadIT {
    private static final String GREEDY_TOKEN = "greedy-load-0123456789abcdefghijklmn";
    private static final String STEADY_TOKEN = "steady-load-0123456789abcdefghijklmn";
    private static final double RATE = 4;
    private static final int BURST = 4;
    private static final int GREEDY_WORKERS = 8;

    @TempDir
    Path dir;

    @Test
    void theTenantAboveItsLimitIsThrottledWhileTheOtherCompletesItsLoadWithoutA429() throws Exception {
        Path tenants = dir.resolve("tenants.properties");
        Files.writeString(tenants, "greedy=" + GREEDY_TOKEN + "\nsteady=" + STEADY_TOKEN + "\n");
        Files.setPosixFilePermissions(tenants, PosixFilePermissions.fromString("rw-------"));
        try (ExampleServer server = ExampleServer.start(ServerOptions.defaults().withStore("memory").withPort(0)
                        .withTenantsFile(tenants).withHttp(HttpLimits.defaults().withRateLimit(RATE, BURST)),
                ServerEnvironment.standard().withoutRequestLogs()
                        .withConsole(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8)))) {
            // About 50 requests as fast as 8 workers can send them; each 429 waits its Retry-After and is sent again.
            LoadPlan greedyPlan = LoadPlan.of(20, 1, 10, GREEDY_WORKERS);
            // About 25 requests, one at a time, 2 per second: half the limit, never a burst.
            LoadPlan steadyPlan = LoadPlan.of(8, 1, 4, 1).withRate(RATE / 2);
            CompletableFuture<LoadReport> greedy = CompletableFuture.supplyAsync(() -> LoadRunner
                    .of(HttpTarget.of(server.baseUri(), GREEDY_TOKEN))
                    .withThrottleRetries(LoadRunner.MAX_THROTTLE_RETRIES).run(greedyPlan));
            CompletableFuture<LoadReport> steady = CompletableFuture.supplyAsync(() -> LoadRunner
                    .of(HttpTarget.of(server.baseUri(), STEADY_TOKEN)).run(steadyPlan));

            LoadReport steadyReport = steady.get(5, TimeUnit.MINUTES);
            LoadReport greedyReport = greedy.get(5, TimeUnit.MINUTES);

            assertThat(greedyReport.throttled()).as("the greedy tenant ran into its limit").isPositive();
            assertThat(greedyReport.requestProblems())
                    .as("every 429 had a Retry-After and a SCIM error body, and every request went through in the end")
                    .isEmpty();
            assertThat(greedyReport.passed()).isTrue();
            assertThat(greedyReport.verification().usersFound()).isEqualTo(20);

            assertThat(steadyReport.throttled()).as("the steady tenant, under its limit at the same time").isZero();
            assertThat(steadyReport.requestProblems()).isEmpty();
            assertThat(steadyReport.passed()).isTrue();
            assertThat(steadyReport.verification().usersFound()).isEqualTo(8);
            assertThat(steadyReport.verification().membershipsFound()).isEqualTo(4);
        }
    }
}
