package io.scimkit.examples;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Writes out the log lines still queued for the asynchronous appender (the audit and access lines,
 * see {@code logback.xml}) when the example server's process ends. Runs after the server has
 * stopped, so that the lines of the last requests and of the shutdown itself are not lost; a
 * {@code <shutdownHook>} in the configuration would race with the server's own shutdown hook.
 */
final class LogFlush {
    private LogFlush() {
    }

    /** Stops the logging backend, writing out what it queued; nothing if it is not Logback. */
    static void flush() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.stop();
        }
    }
}
