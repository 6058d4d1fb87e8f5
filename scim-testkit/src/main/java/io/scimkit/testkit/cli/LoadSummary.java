package io.scimkit.testkit.cli;

import io.scimkit.testkit.load.KindStats;
import io.scimkit.testkit.load.LoadPlan;
import io.scimkit.testkit.load.LoadReport;
import io.scimkit.testkit.load.Verification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The text a load run prints: the plan before, the throughput and latency table and verdict after. */
final class LoadSummary {
    private LoadSummary() {
    }

    static String plan(LoadPlan plan, String target) {
        return String.format(Locale.ROOT,
                "Load run %s against %s: %d users, %d groups x %d members (batches of %d), concurrency %d, %s",
                plan.runId(), target, plan.users(), plan.groups(), plan.membersPerGroup(), plan.memberBatch(),
                plan.concurrency(), plan.rate() > 0 ? "at most " + plan.rate() + " req/s" : "no rate limit");
    }

    static List<String> lines(LoadReport report) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-18s %9s %8s %9s %9s %9s %9s %9s", "kind", "requests", "failed",
                "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms"));
        for (KindStats stats : report.stats()) {
            lines.add(String.format(Locale.ROOT, "%-18s %9d %8d %9.1f %9.2f %9.2f %9.2f %9.2f", stats.kind().label(),
                    stats.requests(), stats.failures(), stats.requestsPerSecond(), ms(stats.p50()), ms(stats.p95()),
                    ms(stats.p99()), ms(stats.max())));
        }
        lines.add(String.format(Locale.ROOT,
                "Provisioning cycles: %d requests in %.1f s = %.1f req/s (%.1f x Microsoft's %.0f req/s per tenant)",
                report.cycleRequests(), report.cycleElapsed().toNanos() / 1e9, report.cycleRequestsPerSecond(),
                report.multipleOfEntraGalleryRate(), LoadReport.ENTRA_GALLERY_RATE));
        if (report.throttled() > 0) {
            lines.add(report.throttled() + " answers were 429 Too Many Requests");
        }
        if (report.requestProblemCount() > 0) {
            lines.add(report.requestProblemCount() + " requests got an unexpected answer; the first:");
            report.requestProblems().forEach(problem -> lines.add("  - " + problem));
        }
        Verification verification = report.verification();
        if (report.unavailable() != null) {
            lines.add("Stopped: " + report.unavailable());
        } else if (verification != null) {
            lines.add(String.format(Locale.ROOT, "End state: %d users, %d groups, %d memberships found: %s",
                    verification.usersFound(), verification.groupsFound(), verification.membershipsFound(),
                    verification.passed() ? "as provisioned" : verification.problemCount() + " differences"));
            verification.problems().forEach(problem -> lines.add("  - " + problem));
        }
        lines.add(report.passed() ? "PASSED" : "FAILED");
        return lines;
    }

    private static double ms(Duration value) {
        return value.toNanos() / 1e6;
    }
}
