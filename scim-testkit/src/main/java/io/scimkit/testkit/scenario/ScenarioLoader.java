package io.scimkit.testkit.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Loads scenario files: from the classpath through an index file (no classpath scanning), from a
 * single file, or from a directory. An index is a JSON object
 * {@code {"scenarios": ["a.json", "quirks/q04.json", …]}} whose entries are relative to the
 * index's own location; a directory with an {@code index.json} is read through it, any other
 * directory yields all its {@code *.json} files (recursively, in path order).
 */
final class ScenarioLoader {
    /** The index of the bundled Entra ID catalogue. */
    static final String ENTRA_INDEX = "io/scimkit/testkit/scenarios/index.json";
    /** The index of the bundled Okta catalogue. */
    static final String OKTA_INDEX = "io/scimkit/testkit/scenarios/okta/index.json";
    private static final String INDEX_FILE = "index.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScenarioLoader() {
    }

    /**
     * The scenarios an index on the classpath lists.
     *
     * @throws ScenarioFormatException if the index or a scenario is missing or malformed
     */
    static List<Scenario> fromClasspath(ClassLoader loader, String indexResource) {
        Objects.requireNonNull(loader, "loader");
        String base = indexResource.contains("/") ? indexResource.substring(0, indexResource.lastIndexOf('/') + 1) : "";
        List<Scenario> scenarios = new ArrayList<>();
        for (String entry : entries(indexResource, readResource(loader, indexResource))) {
            String resource = base + entry;
            scenarios.add(ScenarioReader.read("classpath:" + resource, readResource(loader, resource)));
        }
        return scenarios;
    }

    /**
     * The scenarios of a file or directory.
     *
     * @throws ScenarioFormatException if a file is malformed or the path does not exist
     * @throws UncheckedIOException if a file cannot be read
     */
    static List<Scenario> fromPath(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(ScenarioReader.read(path.toString(), readFile(path)));
        }
        if (!Files.isDirectory(path)) {
            throw new ScenarioFormatException(path + ": no such scenario file or directory");
        }
        List<Path> files = new ArrayList<>();
        Path index = path.resolve(INDEX_FILE);
        if (Files.isRegularFile(index)) {
            for (String entry : entries(index.toString(), readFile(index))) {
                files.add(path.resolve(entry));
            }
        } else {
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(file -> Files.isRegularFile(file) && file.getFileName().toString().endsWith(".json"))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException failed) {
                throw new UncheckedIOException("cannot list " + path, failed);
            }
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new ScenarioFormatException(index + " lists " + file + ", which does not exist");
            }
            scenarios.add(ScenarioReader.read(file.toString(), readFile(file)));
        }
        return scenarios;
    }

    private static List<String> entries(String source, String json) {
        JsonNode index;
        try {
            index = JSON.readTree(json);
        } catch (IOException malformed) {
            throw new ScenarioFormatException(source + ": not JSON", malformed);
        }
        JsonNode list = index.get("scenarios");
        if (list == null || !list.isArray()) {
            throw new ScenarioFormatException(source + ": an index is {\"scenarios\": [\"file.json\", …]}");
        }
        List<String> entries = new ArrayList<>();
        for (JsonNode entry : list) {
            if (!entry.isTextual() || entry.textValue().isBlank()) {
                throw new ScenarioFormatException(source + ": index entries are file names");
            }
            entries.add(entry.textValue());
        }
        return entries;
    }

    private static String readResource(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ScenarioFormatException("classpath:" + resource + " not found");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException failed) {
            throw new UncheckedIOException("cannot read classpath:" + resource, failed);
        }
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException failed) {
            throw new UncheckedIOException("cannot read " + file, failed);
        }
    }
}
