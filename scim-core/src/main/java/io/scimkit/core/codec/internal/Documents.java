package io.scimkit.core.codec.internal;

import com.fasterxml.jackson.core.JsonParser;
import io.scimkit.core.error.ScimException;
import java.io.IOException;

/** Checks on a whole JSON document (RFC 8259 §2: one value, optionally surrounded by whitespace). */
public final class Documents {
    private Documents() {
    }

    /** Moves to the first token of the document, which must exist. */
    public static void requireStart(JsonParser parser) throws IOException {
        if (parser.nextToken() == null) {
            throw ScimException.invalidSyntax("The request body is empty; a JSON value is expected.");
        }
    }

    /** Requires that nothing but whitespace follows the value just read. */
    public static void requireEnd(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw ParseErrors.at(parser, "The request body continues after the end of the JSON value");
        }
    }
}
