package io.scimkit.testkit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimkit.testkit.replay.RecordedExchange;
import io.scimkit.testkit.replay.ReplayReport;
import io.scimkit.testkit.replay.ScenarioResult;
import io.scimkit.testkit.replay.StepResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes a {@link ReplayReport} as JSON for tools and CI dashboards: target, start, duration,
 * counts, per dialect the client-dialect rules that fired (when the target shows them), and every
 * scenario run with every step (outcome, expectation, mismatches, trimmed
 * exchanges). The format is stable: fields are only ever added.
 */
final class JsonReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes the report to the stream (not closed). */
    void write(ReplayReport report, OutputStream out) {
        try {
            JSON.writeValue(new NonClosing(out), tree(report));
        } catch (IOException failed) {
            throw new UncheckedIOException("cannot write the JSON report", failed);
        }
    }

    /** Writes the report to a file, creating its directory. */
    void write(ReplayReport report, Path file) {
        ReportFiles.write(file, out -> write(report, out));
    }

    ObjectNode tree(ReplayReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("target", report.target());
        root.put("started", report.started().toString());
        root.put("elapsedMillis", report.elapsed().toMillis());
        root.put("passed", report.passed());
        ObjectNode counts = root.putObject("steps");
        for (StepResult.Outcome outcome : StepResult.Outcome.values()) {
            counts.put(outcome.name().toLowerCase(java.util.Locale.ROOT), report.count(outcome));
        }
        root.put("summary", report.summary());
        ObjectNode firings = root.putObject("ruleFirings");
        report.ruleFirings().forEach((dialect, rules) -> {
            ObjectNode node = firings.putObject(dialect.id());
            rules.forEach(node::put);
        });
        ArrayNode runs = root.putArray("scenarios");
        for (ScenarioResult run : report.scenarios()) {
            ObjectNode node = runs.addObject();
            node.put("name", run.scenario());
            node.put("dialect", run.dialect().id());
            node.put("passed", run.passed());
            node.put("description", run.description());
            ArrayNode tags = node.putArray("tags");
            run.tags().stream().sorted().forEach(tags::add);
            ArrayNode steps = node.putArray("steps");
            for (StepResult step : run.steps()) {
                ObjectNode stepNode = steps.addObject();
                stepNode.put("name", step.name());
                stepNode.put("outcome", step.outcome().name().toLowerCase(java.util.Locale.ROOT));
                stepNode.put("elapsedMillis", step.elapsed().toMillis());
                stepNode.put("expected", step.expected());
                ArrayNode mismatches = stepNode.putArray("mismatches");
                step.mismatches().forEach(mismatches::add);
                ArrayNode exchanges = stepNode.putArray("exchanges");
                for (RecordedExchange exchange : step.exchanges()) {
                    ObjectNode exchangeNode = exchanges.addObject();
                    exchangeNode.put("request", exchange.request());
                    exchangeNode.put("response", exchange.response());
                }
            }
        }
        return root;
    }

    /** Keeps Jackson from closing a stream the caller owns. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
