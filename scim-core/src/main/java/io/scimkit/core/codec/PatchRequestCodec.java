package io.scimkit.core.codec;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.scimkit.core.codec.internal.Documents;
import io.scimkit.core.codec.internal.JsonFactories;
import io.scimkit.core.codec.internal.MemberNames;
import io.scimkit.core.codec.internal.ParseErrors;
import io.scimkit.core.codec.internal.ValueReader;
import io.scimkit.core.codec.internal.ValueWriter;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.patch.PatchOperation;
import io.scimkit.core.patch.PatchRequest;
import io.scimkit.core.value.ScimValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes the body of a PATCH request (RFC 7644 §3.5.2):
 * {@code {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":…,"path":…,"value":…}]}}.
 *
 * <p>Reading checks the message shape only; what the operations mean is left to the dialect and
 * the PATCH engine:
 * <ul>
 *   <li>the body is one JSON object; malformed JSON, the limits of the shared factory and
 *       duplicate member names (in any case) are {@code invalidSyntax};
 *   <li>{@code schemas} is an array of strings containing the PatchOp URN (compared without
 *       regard to case), else {@code invalidSyntax} (RFC 7644 §3.5.2);
 *   <li>{@code Operations}, matched without regard to case, is a non-empty array of objects, else
 *       {@code invalidSyntax};
 *   <li>in each operation {@code op} is a string, kept exactly as sent (Entra's {@code "Replace"},
 *       quirk Q1 in {@code docs/entra-quirks.md}, is for the dialect to normalise); {@code path} is an optional string
 *       ({@code null} counts as absent); {@code value} is read as untyped JSON, JSON
 *       {@code null} becoming a {@link io.scimkit.core.value.NullValue} and an absent member
 *       {@code null}. Member names are matched without regard to case (RFC 7643 §2.1); other
 *       members are skipped.
 * </ul>
 * Writing produces compact UTF-8 JSON for tests and the testkit; inside values, members that are
 * {@code null} or empty arrays are left out as the resource writer does.
 *
 * <p>Stateless and thread-safe.
 */
public final class PatchRequestCodec {
    private static final String SCHEMAS = "schemas";
    private static final String OPERATIONS = "Operations";

    private PatchRequestCodec() {
    }

    /**
     * Reads a PATCH request body.
     *
     * @throws ScimException {@code invalidSyntax} if the body is not a well-formed PatchOp message,
     *     or {@code invalidValue} for a number beyond any representable range
     */
    public static PatchRequest read(byte[] json) {
        Objects.requireNonNull(json, "json");
        try (JsonParser parser = JsonFactories.FACTORY.createParser(json)) {
            Documents.requireStart(parser);
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw ParseErrors.at(parser, "A PATCH request body must be a JSON object");
            }
            PatchRequest request = readMessage(parser);
            Documents.requireEnd(parser);
            return request;
        } catch (IOException failure) {
            throw ParseErrors.of(failure);
        }
    }

    /** Writes a PATCH request as compact UTF-8 JSON. */
    public static byte[] write(PatchRequest request) {
        Objects.requireNonNull(request, "request");
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = JsonFactories.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            ValueWriter values = new ValueWriter(generator);
            generator.writeStartObject();
            generator.writeArrayFieldStart(SCHEMAS);
            for (String schema : request.schemas()) {
                generator.writeString(schema);
            }
            generator.writeEndArray();
            generator.writeArrayFieldStart(OPERATIONS);
            for (PatchOperation operation : request.operations()) {
                generator.writeStartObject();
                generator.writeStringField("op", operation.op());
                if (operation.path() != null) {
                    generator.writeStringField("path", operation.path());
                }
                if (operation.value() != null) {
                    generator.writeFieldName("value");
                    values.write(operation.value());
                }
                generator.writeEndObject();
            }
            generator.writeEndArray();
            generator.writeEndObject();
        } catch (StreamConstraintsException tooDeep) {
            throw new IllegalArgumentException("the request nests deeper than "
                    + JsonFactories.MAX_WRITE_NESTING_DEPTH + " levels", tooDeep);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return out.toByteArray();
    }

    private static PatchRequest readMessage(JsonParser parser) throws IOException {
        MemberNames seen = new MemberNames();
        List<String> schemas = null;
        List<PatchOperation> operations = null;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = ValueReader.memberName(parser, token);
            seen.add(parser, name);
            parser.nextToken();
            if (is(name, SCHEMAS)) {
                schemas = readSchemas(parser);
            } else if (is(name, OPERATIONS)) {
                operations = readOperations(parser);
            } else {
                parser.skipChildren();
            }
        }
        if (schemas == null || !listsPatchOp(schemas)) {
            throw ScimException.invalidSyntax("A PATCH request must list \"" + PatchRequest.PATCH_OP_URN
                    + "\" in \"schemas\" (RFC 7644 §3.5.2).");
        }
        if (operations == null || operations.isEmpty()) {
            throw ScimException.invalidSyntax(
                    "A PATCH request needs an \"Operations\" array with at least one operation (RFC 7644 §3.5.2).");
        }
        return new PatchRequest(schemas, operations);
    }

    /** The member name, matched without regard to case (RFC 7643 §2.1); the usual exact spelling first. */
    private static boolean is(String name, String member) {
        return name.equals(member) || name.equalsIgnoreCase(member);
    }

    private static boolean listsPatchOp(List<String> schemas) {
        for (String schema : schemas) {
            if (schema.equals(PatchRequest.PATCH_OP_URN) || schema.equalsIgnoreCase(PatchRequest.PATCH_OP_URN)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> readSchemas(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw ParseErrors.at(parser, "\"schemas\" must be an array of URI strings");
        }
        List<String> schemas = new ArrayList<>(2);
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.VALUE_STRING) {
                throw ParseErrors.at(parser, "\"schemas\" must be an array of URI strings");
            }
            schemas.add(parser.getText());
        }
        return schemas;
    }

    private static List<PatchOperation> readOperations(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw ParseErrors.at(parser, "\"Operations\" must be an array of operation objects");
        }
        List<PatchOperation> operations = new ArrayList<>(4);
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.START_OBJECT) {
                throw ParseErrors.at(parser, "Each element of \"Operations\" must be a JSON object");
            }
            operations.add(readOperation(parser));
        }
        return operations;
    }

    private static PatchOperation readOperation(JsonParser parser) throws IOException {
        MemberNames seen = new MemberNames();
        String op = null;
        String path = null;
        ScimValue value = null;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = ValueReader.memberName(parser, token);
            seen.add(parser, name);
            JsonToken valueToken = parser.nextToken();
            if (is(name, "op")) {
                if (valueToken != JsonToken.VALUE_STRING) {
                    throw ParseErrors.at(parser, "The \"op\" of an operation must be a string");
                }
                op = parser.getText();
            } else if (is(name, "path")) {
                path = optionalString(parser, valueToken);
            } else if (is(name, "value")) {
                value = ValueReader.read(parser, null);
            } else {
                parser.skipChildren();
            }
        }
        if (op == null) {
            throw ParseErrors.at(parser, "An operation has no \"op\" member (RFC 7644 §3.5.2)");
        }
        return new PatchOperation(op, path, value);
    }

    private static @Nullable String optionalString(JsonParser parser, @Nullable JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            throw ParseErrors.at(parser, "The \"path\" of an operation must be a string");
        }
        return parser.getText();
    }
}
