package io.scimkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Keeps the public API of a published module deliberate: every public type of its non-internal packages, with
 * its public and protected members, must match the reviewed list in
 * {@code src/test/resources/public-api.txt}. After a deliberate change, rewrite the list with
 * {@code mvn -pl <module> -am test -Dtest=PublicApiTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dpublic-api.update=true} and review its diff. Each published module has a {@code PublicApiTest}
 * that extends this class (scim-core's test jar carries it).
 */
public abstract class PublicApiCheck {
    private static final Path REVIEWED = Path.of(System.getProperty("basedir", "."), "src", "test", "resources",
            "public-api.txt");

    private final String module;
    private final Class<?> anchor;

    /**
     * @param module the module's artifactId, for messages
     * @param anchor a class of the module's main classes (their directory is scanned)
     */
    protected PublicApiCheck(String module, Class<?> anchor) {
        this.module = module;
        this.anchor = anchor;
    }

    @Test
    public void thePublicApiIsTheReviewedOne() throws IOException {
        List<String> listed = PublicApi.of(anchor);
        Set<String> actual = new TreeSet<>(listed);
        assertThat(actual).as("API lines found; is the class directory empty?").hasSizeGreaterThan(10);
        if (Boolean.getBoolean("public-api.update")) {
            write(listed);
        }
        Set<String> reviewed = read();
        List<String> changes = new ArrayList<>();
        actual.stream().filter(line -> !reviewed.contains(line)).forEach(line -> changes.add("+ added   " + line));
        reviewed.stream().filter(line -> !actual.contains(line)).forEach(line -> changes.add("- removed " + line));
        if (!changes.isEmpty()) {
            throw new AssertionError("the public API of " + module + " changed:\n" + String.join("\n", changes)
                    + "\nIf this is deliberate, update " + module + "/src/test/resources/public-api.txt"
                    + " (mvn -pl " + module
                    + " -am test -Dtest=PublicApiTest -Dsurefire.failIfNoSpecifiedTests=false -Dpublic-api.update=true)"
                    + " and review its diff.");
        }
    }

    @Test
    public void thePublicApiMentionsNoInternalType() {
        assertThat(PublicApi.of(anchor).stream().filter(line -> line.contains(".internal.")).toList())
                .as("API lines that mention a type of an internal package").isEmpty();
    }

    private static Set<String> read() throws IOException {
        Set<String> lines = new TreeSet<>();
        for (String line : Files.readAllLines(REVIEWED, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                lines.add(line);
            }
        }
        return lines;
    }

    private void write(List<String> lines) throws IOException {
        List<String> text = new ArrayList<>(List.of(
                "# The public API of " + module + ": one line per public type of a non-internal package and per",
                "# public or protected member of one (PublicApiTest compares it with the compiled classes).",
                "# A change here is a change to what embedders compile against: make it on purpose."));
        text.addAll(lines);
        Files.createDirectories(REVIEWED.getParent());
        Files.write(REVIEWED, text, StandardCharsets.UTF_8);
    }
}
