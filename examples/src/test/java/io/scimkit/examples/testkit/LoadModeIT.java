package io.scimkit.examples.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.examples.ExampleServer;
import io.scimkit.testkit.load.KindStats;
import io.scimkit.testkit.load.LoadPlan;
import io.scimkit.testkit.load.LoadReport;
import io.scimkit.testkit.load.LoadRunner;
import io.scimkit.testkit.load.RequestKind;
import io.scimkit.testkit.target.HttpTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The load mode over HTTP against the example server: an Entra cycle of 300 users and 5 groups, verified. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadModeIT {
    private final String token = QuietServer.newToken();
    private ExampleServer server;

    @BeforeAll
    void start() {
        server = QuietServer.start(token);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void anInitialAndIncrementalCycleLeavesExactlyTheProvisionedState() {
        LoadPlan plan = LoadPlan.of(300, 5, 20, 4);
        LoadReport report = LoadRunner.of(HttpTarget.of(server.baseUri(), token)).run(plan);

        assertThat(report.unavailable()).isNull();
        assertThat(report.requestProblems()).isEmpty();
        assertThat(report.verification()).isNotNull();
        assertThat(report.verification().problems()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.verification().usersFound()).isEqualTo(300);
        assertThat(report.verification().groupsFound()).isEqualTo(5);
        assertThat(report.verification().membershipsFound()).isEqualTo(100);
        assertThat(report.stats()).filteredOn(stats -> stats.kind() == RequestKind.USER_CREATE).singleElement()
                .extracting(KindStats::requests).isEqualTo(300L);
        // 300 lookups + 300 creates + 5 + 5 for groups + 5 member PATCHes + 30 updates + 15 disables.
        assertThat(report.cycleRequests()).isEqualTo(660);
    }

    @Test
    void aSecondRunAgainstTheSameServerPassesToo() {
        HttpTarget target = HttpTarget.of(server.baseUri(), token);
        LoadPlan plan = LoadPlan.of(50, 2, 10, 2).withRate(500);
        assertThat(LoadRunner.of(target).run(plan).passed()).isTrue();
        assertThat(LoadRunner.of(target).run(plan.withRunId(LoadPlan.newRunId())).passed()).isTrue();
    }
}
