package io.scimkit.jdbc;

import io.scimkit.core.error.ScimException;
import java.sql.SQLException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns database errors into SCIM errors without leaking SQL or driver text into them (the
 * {@code detail} of RFC 7644 §3.12 is for people, not for schema details): a unique-index violation
 * is 409 {@code uniqueness} with a fixed detail; any other failure an unchecked exception carrying
 * the cause, which the service turns into a 500 with an error id and logs with the stack trace.
 */
final class SqlErrors {
    private static final Logger LOG = LoggerFactory.getLogger(SqlErrors.class);

    private SqlErrors() {
    }

    /** Whether the error (or one chained to it, as in a batch) is a unique-index violation (SQLState 23505). */
    static boolean isUniqueViolation(SQLException error) {
        return stateStartsWith(error, "23505");
    }

    /**
     * Whether retrying the whole transaction may succeed: serialization failure (40001), deadlock
     * (40P01), and H2's lock timeout (HYT00) and concurrent-update error (90131).
     */
    static boolean isTransient(SQLException error) {
        for (SQLException e = error; e != null; e = e.getNextException()) {
            String state = e.getSQLState();
            if (state != null && (state.equals("40001") || state.equals("40P01") || state.equals("HYT00"))
                    || e.getErrorCode() == 90131) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the connection is dead rather than the statement wrong: a connection failure (SQLState
     * class 08), or H2's database closed (90098), closed at shutdown (90121), connection closed (90007)
     * or broken (90067). H2 closes a database after an {@link OutOfMemoryError} in a command; a pool
     * that evicts such connections then hands out fresh ones, and a read may simply run again.
     */
    static boolean isDeadConnection(SQLException error) {
        for (SQLException e = error; e != null; e = e.getNextException()) {
            String state = e.getSQLState();
            int code = e.getErrorCode();
            if (state != null && state.startsWith("08") || code == 90098 || code == 90121 || code == 90007
                    || code == 90067) {
                return true;
            }
        }
        return false;
    }

    /** The 409 {@code uniqueness} for a unique-index violation, naming the attribute by the index. */
    static ScimException uniqueness(SQLException error, String typeName) {
        LOG.debug("unique index violated", error);
        String text = String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT);
        String attribute = text.contains("user_name") ? "userName"
                : text.contains("display_name") ? "displayName"
                : text.contains("external_id") ? "externalId"
                : "unique attribute";
        return ScimException.uniqueness("another " + typeName + " already has this " + attribute
                + " (RFC 7643 §2.2 uniqueness)");
    }

    /**
     * Any other database failure, as an unchecked exception carrying the cause: the service answers
     * 500 with an error id and nothing of the cause, and logs the id with the stack trace, so an
     * operator can find why (the SQLState is in the message; the driver's text in the cause).
     */
    static IllegalStateException internal(SQLException error) {
        return new IllegalStateException("the JDBC store failed, SQLState " + error.getSQLState(), error);
    }

    private static boolean stateStartsWith(SQLException error, String prefix) {
        for (SQLException e = error; e != null; e = e.getNextException()) {
            if (e.getSQLState() != null && e.getSQLState().startsWith(prefix)) {
                return true;
            }
            if (e.getCause() instanceof SQLException cause && cause != e && cause.getSQLState() != null
                    && cause.getSQLState().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
