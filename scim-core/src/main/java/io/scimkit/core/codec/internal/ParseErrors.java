package io.scimkit.core.codec.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.scimkit.core.error.ScimException;
import java.io.CharConversionException;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Turns what the parser reports into client-safe {@code invalidSyntax} errors (RFC 7644 §3.12).
 *
 * <p>Jackson's own messages name Java types and quote the offending input, so they are never
 * passed on; the detail says what kind of problem it is and where (line and column).
 */
public final class ParseErrors {
    private static final String INVALID_UTF8_PREFIX = "Invalid UTF-8";

    private ParseErrors() {
    }

    /** The error for a failure the parser reported. */
    public static ScimException of(IOException failure) {
        String where = where(failure instanceof JsonProcessingException processing ? processing.getLocation() : null);
        if (failure instanceof StreamConstraintsException) {
            return ScimException.invalidSyntax("The request body exceeds a size limit (nesting deeper than "
                    + JsonFactories.MAX_NESTING_DEPTH + " levels, or a string, name or number that is too long)"
                    + where + ".");
        }
        if (failure instanceof JsonEOFException) {
            return ScimException.invalidSyntax("The request body ends before the JSON value is complete" + where + ".");
        }
        if (failure instanceof CharConversionException || isInvalidUtf8(failure)) {
            return ScimException.invalidSyntax("The request body is not valid UTF-8" + where + ".");
        }
        return ScimException.invalidSyntax("The request body is not well-formed JSON" + where + ".");
    }

    /** An {@code invalidSyntax} error about the token the parser is at. */
    public static ScimException at(JsonParser parser, String problem) {
        return ScimException.invalidSyntax(problem + where(parser.currentTokenLocation()) + ".");
    }

    /** An {@code invalidValue} error about the token the parser is at: well-formed JSON the service cannot accept. */
    public static ScimException invalidValueAt(JsonParser parser, String problem) {
        return ScimException.invalidValue(problem + where(parser.currentTokenLocation()) + ".");
    }

    private static boolean isInvalidUtf8(IOException failure) {
        String message = failure instanceof JsonProcessingException processing
                ? processing.getOriginalMessage() : failure.getMessage();
        return message != null && message.startsWith(INVALID_UTF8_PREFIX);
    }

    private static String where(@Nullable JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
