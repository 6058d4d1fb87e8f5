package io.scimkit.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.protocol.FailureLog.Failure;
import io.scimkit.core.protocol.FailureLog.JdkSink;
import io.scimkit.core.protocol.FailureLog.Slf4jSink;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.NOPLoggerFactory;

/** {@link FailureLog}: where a 500's cause is logged, and what the log line holds. */
class FailureLogTest {
    private static final ScimRequest REQUEST = ScimRequest.of("GET", "/Users/2819c223", Requests.ALICE)
            .withQuery("filter=userName%20eq%20%22bjensen%22")
            .withHeaders(HttpHeaders.of("Authorization", "Bearer secret-token"));

    /** The JDK logger the fallback writes to, captured for the test instead of printed. */
    private final Logger julLogger = Logger.getLogger(FailureLog.LOGGER_NAME);
    private final List<LogRecord> julRecords = new ArrayList<>();
    private final Handler julCapture = new Handler() {
        @Override
        public void publish(LogRecord logRecord) {
            julRecords.add(logRecord);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private boolean julParentHandlers;

    @BeforeEach
    void captureJul() {
        julParentHandlers = julLogger.getUseParentHandlers();
        julLogger.setUseParentHandlers(false);
        julLogger.addHandler(julCapture);
    }

    @AfterEach
    void restoreJul() {
        julLogger.removeHandler(julCapture);
        julLogger.setUseParentHandlers(julParentHandlers);
    }

    @Test
    void withoutAnSlf4jProviderFailuresGoToTheJdkLogger() {
        // SLF4J 2 binds its NOP logger factory when no provider is on the class path.
        assertThat(FailureLog.sinkFor(new NOPLoggerFactory())).isInstanceOf(JdkSink.class);
    }

    @Test
    void withAnSlf4jProviderFailuresGoToSlf4j() {
        // The tests have slf4j-simple on the class path.
        assertThat(LoggerFactory.getILoggerFactory()).isNotInstanceOf(NOPLoggerFactory.class);
        assertThat(FailureLog.sinkFor(LoggerFactory.getILoggerFactory())).isInstanceOf(Slf4jSink.class);
    }

    @Test
    void theJdkSinkLogsAtSevereWithTheStackTrace() {
        IllegalStateException cause = new IllegalStateException("SELECT * FROM secret_table");
        FailureLog log = new FailureLog(FailureLog.sinkFor(new NOPLoggerFactory()));

        String errorId = log.record(REQUEST, cause);

        assertThat(julRecords).singleElement().satisfies(logged -> {
            assertThat(logged.getLevel()).isEqualTo(Level.SEVERE);
            assertThat(logged.getLoggerName()).isEqualTo("io.scimkit.core.protocol.Dispatcher");
            assertThat(logged.getMessage()).isEqualTo("error id " + errorId + ": unexpected failure serving GET /Users/2819c223");
            assertThat(logged.getThrown()).isSameAs(cause);
        });
    }

    @Test
    void theSlf4jSinkLogsAtErrorWithTheStackTrace() {
        CapturingLogger slf4j = new CapturingLogger();
        IllegalStateException cause = new IllegalStateException("SELECT * FROM secret_table");

        String errorId = new FailureLog(new Slf4jSink(slf4j)).record(REQUEST, cause);

        assertThat(slf4j.events).singleElement().satisfies(event -> {
            assertThat(event.level()).isEqualTo(org.slf4j.event.Level.ERROR);
            assertThat(event.message()).isEqualTo("error id " + errorId + ": unexpected failure serving GET /Users/2819c223");
            assertThat(event.thrown()).isSameAs(cause);
        });
    }

    @Test
    void aBrokenSinkFallsBackToTheJdkLoggerAndNeverThrows() {
        IllegalStateException cause = new IllegalStateException("boom");
        FailureLog log = new FailureLog(failure -> {
            throw new IllegalArgumentException("logging backend broken");
        });

        String errorId = log.record(REQUEST, cause);

        assertThat(errorId).hasSize(12);
        assertThat(julRecords).singleElement().satisfies(logged -> {
            assertThat(logged.getMessage()).contains(errorId);
            assertThat(logged.getThrown()).isSameAs(cause);
        });
        assertThat(cause.getSuppressed()).singleElement().isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void errorIdsAreTwelveCrockfordBase32CharactersAndDiffer() {
        List<Failure> failures = new ArrayList<>();
        FailureLog log = new FailureLog(failures::add);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(log.record(REQUEST, new IllegalStateException()));
        }

        assertThat(ids).allMatch(id -> id.matches("[0-9A-HJKMNP-TV-Z]{12}")).doesNotHaveDuplicates();
        // 200 ids of 12 symbols each: every one of the 32 symbols shows up, so the whole alphabet is used.
        assertThat(String.join("", ids).chars().distinct().count()).isEqualTo(32);
        assertThat(failures).extracting(Failure::errorId).containsExactlyElementsOf(ids);
    }

    @Test
    void theLoggedMethodAndPathArePrintableAndBounded() {
        List<Failure> failures = new ArrayList<>();
        ScimRequest forged = ScimRequest.of("GET\r\nX", "/Users/1\r\nERROR forged line/" + "a".repeat(500), Requests.ALICE);

        new FailureLog(failures::add).record(forged, new IllegalStateException());

        Failure failure = failures.get(0);
        assertThat(failure.method()).isEqualTo("GET??X");
        assertThat(failure.path()).startsWith("/Users/1??ERROR forged line/aaa").endsWith("...").hasSize(203);
        assertThat(failure.message()).doesNotContain("\r", "\n");
    }

    @Test
    void printableKeepsShortTextAndCutsLongText() {
        assertThat(FailureLog.printable("/Users/1", 200)).isEqualTo("/Users/1");
        assertThat(FailureLog.printable("abcdef", 6)).isEqualTo("abcdef");
        assertThat(FailureLog.printable("abcdefg", 6)).isEqualTo("abcdef...");
        assertThat(FailureLog.printable("caf\u00e9\t", 10)).isEqualTo("caf??");
    }

    @Test
    void theDetailNamesOnlyTheErrorId() {
        assertThat(FailureLog.detail("7Q2KX9M4T1AB"))
                .isEqualTo("the service provider failed to process the request (error id 7Q2KX9M4T1AB)");
    }

    /** An SLF4J logger that keeps what it is given. */
    private static final class CapturingLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;
        private final transient List<Event> events = new ArrayList<>();

        record Event(org.slf4j.event.Level level, String message, Throwable thrown) {
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(org.slf4j.event.Level level, Marker marker, String messagePattern,
                Object[] arguments, Throwable throwable) {
            events.add(new Event(level, messagePattern, throwable));
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }
    }
}
