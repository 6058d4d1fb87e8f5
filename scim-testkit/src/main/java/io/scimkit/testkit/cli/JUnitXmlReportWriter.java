package io.scimkit.testkit.cli;

import io.scimkit.testkit.replay.ReplayReport;
import io.scimkit.testkit.replay.ScenarioResult;
import io.scimkit.testkit.replay.StepResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link ReplayReport} in the JUnit XML format CI servers read (the Ant/Surefire
 * {@code testsuites} dialect): one {@code testsuite} per scenario run, one {@code testcase} per
 * step, {@code failure}, {@code error} or {@code skipped} with the first mismatch as message and
 * the whole trimmed account as text.
 */
final class JUnitXmlReportWriter {

    /** Writes the report to the stream (not closed). */
    void write(ReplayReport report, OutputStream out) {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "scim-testkit replay against " + report.target());
            xml.writeAttribute("tests", Long.toString(total(report)));
            xml.writeAttribute("failures", Long.toString(report.count(StepResult.Outcome.FAILED)));
            xml.writeAttribute("errors", Long.toString(report.count(StepResult.Outcome.ERROR)));
            xml.writeAttribute("skipped", Long.toString(report.count(StepResult.Outcome.SKIPPED)));
            xml.writeAttribute("time", seconds(report.elapsed().toMillis()));
            xml.writeCharacters("\n");
            for (ScenarioResult run : report.scenarios()) {
                suite(xml, run, report);
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException failed) {
            throw new UncheckedIOException(new IOException("cannot write the JUnit XML report", failed));
        }
    }

    /** Writes the report to a file, creating its directory. */
    void write(ReplayReport report, Path file) {
        ReportFiles.write(file, out -> write(report, out));
    }

    private static void suite(XMLStreamWriter xml, ScenarioResult run, ReplayReport report) throws XMLStreamException {
        long millis = run.steps().stream().mapToLong(step -> step.elapsed().toMillis()).sum();
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", run.displayName());
        xml.writeAttribute("tests", Integer.toString(run.steps().size()));
        xml.writeAttribute("failures", Long.toString(count(run, StepResult.Outcome.FAILED)));
        xml.writeAttribute("errors", Long.toString(count(run, StepResult.Outcome.ERROR)));
        xml.writeAttribute("skipped", Long.toString(count(run, StepResult.Outcome.SKIPPED)));
        xml.writeAttribute("time", seconds(millis));
        xml.writeAttribute("timestamp", report.started().toString());
        xml.writeCharacters("\n");
        for (StepResult step : run.steps()) {
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", run.displayName());
            xml.writeAttribute("name", step.name());
            xml.writeAttribute("time", seconds(step.elapsed().toMillis()));
            if (!step.passed()) {
                String element = switch (step.outcome()) {
                    case FAILED -> "failure";
                    case ERROR -> "error";
                    default -> "skipped";
                };
                xml.writeStartElement(element);
                xml.writeAttribute("message", step.mismatches().isEmpty() ? step.outcome().name().toLowerCase(Locale.ROOT)
                        : step.mismatches().get(0));
                xml.writeCharacters(step.describe());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static long count(ScenarioResult run, StepResult.Outcome outcome) {
        return run.steps().stream().filter(step -> step.outcome() == outcome).count();
    }

    private static long total(ReplayReport report) {
        return report.scenarios().stream().mapToLong(run -> run.steps().size()).sum();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
