package io.scimkit.testkit.target;

/**
 * No response could be had from a target: the connection was refused or reset, or the request
 * timed out. The message names the target's base URL and the request line, never credentials.
 */
public final class TargetUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TargetUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
