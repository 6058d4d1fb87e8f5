package io.scimkit.core.codec.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.message.internal.BulkOperation;
import io.scimkit.core.message.internal.BulkOperationResult;
import io.scimkit.core.message.internal.BulkRequest;
import io.scimkit.core.message.internal.BulkResponse;
import io.scimkit.core.value.ScimValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads bulk requests and writes bulk responses (RFC 7644 §3.7).
 *
 * <p>Reading checks the message shape only: one JSON object whose
 * {@code schemas} array contains the BulkRequest URN (compared without regard to case), an
 * optional integer {@code failOnErrors}, and a required {@code Operations} array of objects. Each
 * operation's {@code method} must be a string; {@code path}, {@code bulkId} and {@code version}
 * are optional strings, {@code data} any JSON value, read untyped. Member names are matched
 * without regard to case and duplicates are refused; unknown members are skipped. Every problem is
 * {@code invalidSyntax}. Whether the operations make sense is for the bulk endpoint to judge.
 *
 * <p>Writing emits {@code status} as a JSON string and the error body as {@code response};
 * RFC 7644 §3.7 shows both a string and an object {@code status}, and most examples use the string. {@link #writeData} re-serialises an operation's {@code data} as the body of the
 * request it stands for, keeping {@code null} members. Stateless and thread-safe.
 */
public final class BulkCodec {
    private BulkCodec() {
    }

    /**
     * Reads a {@code POST /Bulk} body.
     *
     * @throws ScimException 400 {@code invalidSyntax} if it is not a well-formed BulkRequest message
     */
    public static BulkRequest read(byte[] json) {
        Objects.requireNonNull(json, "json");
        try (JsonParser parser = JsonFactories.FACTORY.createParser(json)) {
            Documents.requireStart(parser);
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw ParseErrors.at(parser, "A bulk request body must be a JSON object");
            }
            BulkRequest request = readMessage(parser);
            Documents.requireEnd(parser);
            return request;
        } catch (IOException failure) {
            throw ParseErrors.of(failure);
        }
    }

    /** Writes a bulk response as compact UTF-8 JSON. */
    public static byte[] write(BulkResponse response) {
        Objects.requireNonNull(response, "response");
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JsonFactories.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            ValueWriter values = new ValueWriter(json);
            json.writeStartObject();
            SchemaWriter.writeStrings(json, "schemas", List.of(BulkResponse.BULK_RESPONSE_URN));
            json.writeArrayFieldStart("Operations");
            for (BulkOperationResult result : response.operations()) {
                json.writeStartObject();
                json.writeStringField("method", result.method());
                optionalString(json, "bulkId", result.bulkId());
                optionalString(json, "version", result.version());
                optionalString(json, "location", result.location());
                json.writeStringField("status", Integer.toString(result.status()));
                if (result.response() != null) {
                    json.writeFieldName("response");
                    values.write(result.response());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return out.toByteArray();
    }

    /**
     * An operation's {@code data} as a request body: compact UTF-8 JSON with every member kept,
     * {@code null} and empty arrays included.
     *
     * @throws IllegalArgumentException if the value nests deeper than the writer allows
     */
    public static byte[] writeData(ScimValue data) {
        Objects.requireNonNull(data, "data");
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JsonFactories.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            new ValueWriter(json, true).write(data);
        } catch (StreamConstraintsException tooDeep) {
            throw new IllegalArgumentException("the data nests deeper than "
                    + JsonFactories.MAX_WRITE_NESTING_DEPTH + " levels", tooDeep);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return out.toByteArray();
    }

    private static BulkRequest readMessage(JsonParser parser) throws IOException {
        MemberNames seen = new MemberNames();
        List<String> schemas = null;
        Integer failOnErrors = null;
        List<BulkOperation> operations = null;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = ValueReader.memberName(parser, token);
            seen.add(parser, name);
            JsonToken valueToken = parser.nextToken();
            if (name.equalsIgnoreCase("schemas")) {
                schemas = readStrings(parser, "\"schemas\" must be an array of URI strings");
            } else if (name.equalsIgnoreCase("failOnErrors")) {
                failOnErrors = valueToken == JsonToken.VALUE_NULL ? null : readInteger(parser, valueToken);
            } else if (name.equalsIgnoreCase("Operations")) {
                operations = readOperations(parser);
            } else {
                parser.skipChildren();
            }
        }
        if (schemas == null || schemas.stream().noneMatch(BulkRequest.BULK_REQUEST_URN::equalsIgnoreCase)) {
            throw ScimException.invalidSyntax("A bulk request must list \"" + BulkRequest.BULK_REQUEST_URN
                    + "\" in \"schemas\" (RFC 7644 §3.7).");
        }
        if (operations == null) {
            throw ScimException.invalidSyntax("A bulk request needs an \"Operations\" array (RFC 7644 §3.7).");
        }
        return new BulkRequest(schemas, failOnErrors, operations);
    }

    private static int readInteger(JsonParser parser, JsonToken token) throws IOException {
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw ParseErrors.at(parser, "\"failOnErrors\" must be an integer");
        }
        return switch (parser.getNumberType()) {
            case INT -> parser.getIntValue();
            // Larger than any request can have operations: as good as "never stop".
            default -> parser.getBigIntegerValue().signum() < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        };
    }

    private static List<String> readStrings(JsonParser parser, String problem) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw ParseErrors.at(parser, problem);
        }
        List<String> strings = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.VALUE_STRING) {
                throw ParseErrors.at(parser, problem);
            }
            strings.add(parser.getText());
        }
        return strings;
    }

    private static List<BulkOperation> readOperations(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw ParseErrors.at(parser, "\"Operations\" must be an array of operation objects");
        }
        List<BulkOperation> operations = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.START_OBJECT) {
                throw ParseErrors.at(parser, "Each element of \"Operations\" must be a JSON object");
            }
            operations.add(readOperation(parser));
        }
        return operations;
    }

    private static BulkOperation readOperation(JsonParser parser) throws IOException {
        MemberNames seen = new MemberNames();
        String method = null;
        String path = null;
        String bulkId = null;
        String version = null;
        ScimValue data = null;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = ValueReader.memberName(parser, token);
            seen.add(parser, name);
            JsonToken valueToken = parser.nextToken();
            if (name.equalsIgnoreCase("method")) {
                method = optionalString(parser, valueToken, name);
            } else if (name.equalsIgnoreCase("path")) {
                path = optionalString(parser, valueToken, name);
            } else if (name.equalsIgnoreCase("bulkId")) {
                bulkId = optionalString(parser, valueToken, name);
            } else if (name.equalsIgnoreCase("version")) {
                version = optionalString(parser, valueToken, name);
            } else if (name.equalsIgnoreCase("data")) {
                data = valueToken == JsonToken.VALUE_NULL ? null : ValueReader.read(parser, null);
            } else {
                parser.skipChildren();
            }
        }
        if (method == null) {
            throw ParseErrors.at(parser, "A bulk operation has no \"method\" (RFC 7644 §3.7)");
        }
        return new BulkOperation(method, path, bulkId, version, data);
    }

    private static @Nullable String optionalString(JsonParser parser, @Nullable JsonToken token, String member)
            throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            throw ParseErrors.at(parser, "The \"" + member + "\" of a bulk operation must be a string");
        }
        return parser.getText();
    }

    private static void optionalString(JsonGenerator json, String field, @Nullable String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }
}
