package io.scimkit.testkit.scenario;

/** Scenarios from JSON text, for tests outside this package (the reader itself is package-private). */
public final class TestScenarios {
    private TestScenarios() {
    }

    /** The scenario this JSON text describes; {@code source} names it in error messages. */
    public static Scenario read(String source, String json) {
        return ScenarioReader.read(source, json);
    }
}
