package io.scimkit.testkit.replay;

/**
 * How the replayer sends and reports.
 *
 * @param flagQueryParameter whether runs in the {@code flag} dialect append {@code aadOptscim062020}
 *     to every query, as an admin who appended it to the Tenant URL would cause (the server must
 *     ignore the unknown parameter, RFC 7644 §3.4.2); turn off when the target's base URL
 *     already carries it
 * @param trimLength the most characters of a request or response body a report keeps
 */
public record ReplayOptions(boolean flagQueryParameter, int trimLength) {

    public ReplayOptions {
        if (trimLength < 80) {
            throw new IllegalArgumentException("trimLength is at least 80");
        }
    }

    /** The defaults: the flag parameter on, bodies trimmed to 1,500 characters. */
    public static ReplayOptions defaults() {
        return new ReplayOptions(true, 1500);
    }

    /** A copy with the flag parameter on or off. */
    public ReplayOptions withFlagQueryParameter(boolean value) {
        return new ReplayOptions(value, trimLength);
    }

    /** A copy with another trim length. */
    public ReplayOptions withTrimLength(int value) {
        return new ReplayOptions(flagQueryParameter, value);
    }
}
