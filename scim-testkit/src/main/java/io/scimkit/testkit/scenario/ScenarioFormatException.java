package io.scimkit.testkit.scenario;

/** A scenario file is not valid JSON or does not follow the scenario format; the message names the file and the place. */
public final class ScenarioFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScenarioFormatException(String message) {
        super(message);
    }

    public ScenarioFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
