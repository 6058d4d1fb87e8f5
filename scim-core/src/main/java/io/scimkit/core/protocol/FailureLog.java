package io.scimkit.core.protocol;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * Where the service reports the cause of a 500: every unexpected failure gets an error id, a short
 * random id that the RFC 7644 §3.12 error body's {@code detail} shows the client and that the log
 * line carries with the method, the path and the stack trace, so an operator can find the cause of a
 * 500 a client reports. The query string, headers and body are never logged: they may carry filter
 * values, bearer tokens and personal data.
 *
 * <p>Logs through SLF4J at ERROR. When SLF4J has no provider it would drop everything (its NOP
 * fallback); then this logs through the JDK's {@link System.Logger} instead ({@code java.util.logging}
 * unless the application installs another), so a stack trace never disappears. Thread-safe.
 */
final class FailureLog {
    /** The logger name, for SLF4J and the JDK alike. */
    static final String LOGGER_NAME = Dispatcher.class.getName();

    /** Crockford's base32 alphabet: no I, L, O or U, so an id read aloud or retyped stays intact. */
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int ID_LENGTH = 12; // 60 random bits
    private static final String SERVING = "serving";

    private final Consumer<Failure> sink;
    private final SecureRandom random = new SecureRandom();

    /** A log that hands each failure to this sink; the seam tests capture failures with. */
    FailureLog(Consumer<Failure> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** The log of a running service: SLF4J, or the JDK's logger when SLF4J has no provider. */
    static FailureLog standard() {
        return new FailureLog(sinkFor(LoggerFactory.getILoggerFactory()));
    }

    /**
     * The sink for this SLF4J logger factory: SLF4J itself, unless the factory is the NOP one that
     * SLF4J 2 binds when no provider is on the class path (it drops every event).
     */
    static Consumer<Failure> sinkFor(ILoggerFactory factory) {
        if (factory instanceof NOPLoggerFactory) {
            return new JdkSink(System.getLogger(LOGGER_NAME));
        }
        return new Slf4jSink(factory.getLogger(LOGGER_NAME));
    }

    /**
     * Logs an unexpected failure serving this request and returns its new error id. Never throws: if
     * the sink fails, the failure goes to the JDK's logger.
     */
    String record(ScimRequest request, Throwable cause) {
        return record(request.method(), request.path(), cause);
    }

    /** Logs a failure of a request given by method and path, and returns its new error id. */
    String record(String method, String path, Throwable cause) {
        return record(SERVING, method, path, cause);
    }

    /**
     * Logs the failure of a provisioning listener handling an event of this type, which a request
     * caused; the request itself succeeded. Returns the new error id.
     */
    String recordListener(String eventType, ScimRequest request, Throwable cause) {
        return record("in a provisioning listener handling " + printable(eventType, 40) + " after", request.method(),
                request.path(), cause);
    }

    private String record(String activity, String method, String path, Throwable cause) {
        Failure failure = new Failure(newId(), activity, printable(method, 16), printable(path, 200), cause);
        try {
            sink.accept(failure);
        } catch (RuntimeException broken) {
            cause.addSuppressed(broken);
            try {
                new JdkSink(System.getLogger(LOGGER_NAME)).accept(failure);
            } catch (RuntimeException alsoBroken) {
                // Nowhere left to log; the client still gets its 500 with the error id.
            }
        }
        return failure.errorId();
    }

    /** The detail of a 500 error body: says nothing about the cause but its error id. */
    static String detail(String errorId) {
        return "the service provider failed to process the request (error id " + errorId + ")";
    }

    private String newId() {
        byte[] bytes = new byte[ID_LENGTH];
        random.nextBytes(bytes);
        char[] id = new char[ID_LENGTH];
        for (int i = 0; i < ID_LENGTH; i++) {
            id[i] = ALPHABET[bytes[i] & 0x1f]; // 32 symbols: the low 5 bits of each byte, no bias
        }
        return new String(id);
    }

    /**
     * Text safe to show or log: printable ASCII only (so no line breaks to forge log lines with),
     * at most {@code limit} characters, an ellipsis marking a cut.
     */
    static String printable(String text, int limit) {
        StringBuilder result = new StringBuilder(Math.min(text.length(), limit + 3));
        for (int i = 0; i < text.length(); i++) {
            if (result.length() == limit) {
                return result.append("...").toString();
            }
            char c = text.charAt(i);
            result.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return result.toString();
    }

    /**
     * One unexpected failure: its error id, what failed ({@code serving} the request, or a listener
     * after it), the request's method and path (printable and bounded) and the exception.
     */
    record Failure(String errorId, String activity, String method, String path, Throwable cause) {
        Failure {
            Objects.requireNonNull(errorId, "errorId");
            Objects.requireNonNull(activity, "activity");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(cause, "cause");
        }

        /** The log message: the error id first, in the words of the error body's detail. */
        String message() {
            return "error id " + errorId + ": unexpected failure " + activity + " " + method + " " + path;
        }
    }

    /** Logs through SLF4J at ERROR, with the stack trace. */
    record Slf4jSink(Logger logger) implements Consumer<Failure> {
        @Override
        public void accept(Failure failure) {
            logger.error(failure.message(), failure.cause());
        }
    }

    /** Logs through the JDK's {@link System.Logger} at ERROR ({@code SEVERE} in java.util.logging), with the stack trace. */
    record JdkSink(System.Logger logger) implements Consumer<Failure> {
        @Override
        public void accept(Failure failure) {
            logger.log(System.Logger.Level.ERROR, failure.message(), failure.cause());
        }
    }
}
