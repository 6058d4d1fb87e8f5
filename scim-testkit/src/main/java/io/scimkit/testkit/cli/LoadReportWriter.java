package io.scimkit.testkit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimkit.testkit.load.KindStats;
import io.scimkit.testkit.load.LoadPlan;
import io.scimkit.testkit.load.LoadReport;
import io.scimkit.testkit.load.PhaseResult;
import io.scimkit.testkit.load.Verification;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Writes a {@link LoadReport} as JSON: the plan, each phase, throughput, latency per request kind
 * in milliseconds, the request problems and the end-state check. Fields are only ever added.
 */
final class LoadReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes the report to a file, creating its directory. */
    void write(LoadReport report, Path file) {
        ReportFiles.write(file, out -> JSON.writeValue(out, tree(report)));
    }

    ObjectNode tree(LoadReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("target", report.target());
        root.put("started", report.started().toString());
        root.put("passed", report.passed());
        LoadPlan plan = report.plan();
        ObjectNode planNode = root.putObject("plan");
        planNode.put("runId", plan.runId());
        planNode.put("users", plan.users());
        planNode.put("groups", plan.groups());
        planNode.put("membersPerGroup", plan.membersPerGroup());
        planNode.put("concurrency", plan.concurrency());
        planNode.put("rate", plan.rate());
        planNode.put("memberBatch", plan.memberBatch());
        planNode.put("updateFraction", plan.updateFraction());
        planNode.put("disableFraction", plan.disableFraction());
        ObjectNode cycles = root.putObject("cycles");
        cycles.put("requests", report.cycleRequests());
        cycles.put("elapsedMillis", report.cycleElapsed().toMillis());
        cycles.put("requestsPerSecond", round(report.cycleRequestsPerSecond()));
        cycles.put("multipleOfEntraGalleryRate", round(report.multipleOfEntraGalleryRate()));
        ArrayNode phases = root.putArray("phases");
        for (PhaseResult phase : report.phases()) {
            phases.addObject().put("name", phase.name()).put("tasks", phase.tasks()).put("requests", phase.requests())
                    .put("elapsedMillis", phase.elapsed().toMillis())
                    .put("requestsPerSecond", round(phase.requestsPerSecond()));
        }
        ArrayNode kinds = root.putArray("requestKinds");
        for (KindStats stats : report.stats()) {
            kinds.addObject().put("kind", stats.kind().label()).put("requests", stats.requests())
                    .put("failures", stats.failures()).put("requestsPerSecond", round(stats.requestsPerSecond()))
                    .put("meanMillis", millis(stats.mean())).put("p50Millis", millis(stats.p50()))
                    .put("p95Millis", millis(stats.p95())).put("p99Millis", millis(stats.p99()))
                    .put("maxMillis", millis(stats.max()));
        }
        root.put("throttled", report.throttled());
        ObjectNode problems = root.putObject("requestProblems");
        problems.put("count", report.requestProblemCount());
        ArrayNode problemList = problems.putArray("first");
        report.requestProblems().forEach(problemList::add);
        Verification verification = report.verification();
        if (verification != null) {
            ObjectNode node = root.putObject("verification");
            node.put("passed", verification.passed());
            node.put("usersFound", verification.usersFound());
            node.put("groupsFound", verification.groupsFound());
            node.put("membershipsFound", verification.membershipsFound());
            node.put("problemCount", verification.problemCount());
            ArrayNode list = node.putArray("problems");
            verification.problems().forEach(list::add);
        }
        if (report.unavailable() != null) {
            root.put("unavailable", report.unavailable());
        }
        return root;
    }

    private static double millis(Duration value) {
        return round(value.toNanos() / 1e6);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
