package io.scimkit.core.codec.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.message.internal.SearchRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads the body of {@code POST .search} (RFC 7644 §3.4.3, RFC 9865 §3) into a
 * {@link SearchRequest}. Checks the message shape only; what the values mean is decided where the
 * query runs.
 *
 * <ul>
 *   <li>the body is one JSON object; malformed JSON, the limits of the shared factory and
 *       duplicate member names (in any case) are {@code invalidSyntax};
 *   <li>{@code schemas} is an array of strings containing the SearchRequest URN (compared without
 *       regard to case), else {@code invalidSyntax} (RFC 7644 §3.4.3);
 *   <li>{@code attributes} and {@code excludedAttributes} are arrays of strings;
 *       {@code filter}, {@code sortBy}, {@code sortOrder} and {@code cursor} are strings;
 *       {@code startIndex} and {@code count} are integers. A member of the wrong JSON type is
 *       {@code invalidSyntax}; a number with a fraction is {@code invalidValue}; integers beyond
 *       the 32-bit range are saturated (they are clamped later anyway). JSON {@code null} counts
 *       as absent, except that {@code "cursor": ""} asks for the first cursor page (RFC 9865 §3);
 *   <li>member names are matched without regard to case (RFC 7643 §2.1); other members are
 *       ignored.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class SearchRequestReader {
    private SearchRequestReader() {
    }

    /**
     * Reads a SearchRequest body.
     *
     * @throws ScimException {@code invalidSyntax} or {@code invalidValue} as described above
     */
    public static SearchRequest read(byte[] json) {
        Objects.requireNonNull(json, "json");
        try (JsonParser parser = JsonFactories.FACTORY.createParser(json)) {
            Documents.requireStart(parser);
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw ParseErrors.at(parser, "A SearchRequest body must be a JSON object");
            }
            SearchRequest request = readMessage(parser);
            Documents.requireEnd(parser);
            return request;
        } catch (IOException failure) {
            throw ParseErrors.of(failure);
        }
    }

    private static SearchRequest readMessage(JsonParser parser) throws IOException {
        MemberNames seen = new MemberNames();
        List<String> schemas = null;
        List<String> attributes = List.of();
        List<String> excluded = List.of();
        String filter = null;
        String sortBy = null;
        String sortOrder = null;
        Integer startIndex = null;
        Integer count = null;
        String cursor = null;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = ValueReader.memberName(parser, token);
            seen.add(parser, name);
            parser.nextToken();
            switch (name.toLowerCase(java.util.Locale.ROOT)) {
                case "schemas" -> schemas = strings(parser, "schemas");
                case "attributes" -> attributes = optionalStrings(parser, "attributes");
                case "excludedattributes" -> excluded = optionalStrings(parser, "excludedAttributes");
                case "filter" -> filter = string(parser, "filter");
                case "sortby" -> sortBy = string(parser, "sortBy");
                case "sortorder" -> sortOrder = string(parser, "sortOrder");
                case "startindex" -> startIndex = integer(parser, "startIndex");
                case "count" -> count = integer(parser, "count");
                case "cursor" -> cursor = string(parser, "cursor");
                default -> parser.skipChildren();
            }
        }
        if (schemas == null || schemas.stream().noneMatch(SearchRequest.SEARCH_REQUEST_URN::equalsIgnoreCase)) {
            throw ScimException.invalidSyntax("A SearchRequest must list \"" + SearchRequest.SEARCH_REQUEST_URN
                    + "\" in \"schemas\" (RFC 7644 §3.4.3).");
        }
        return new SearchRequest(schemas, attributes, excluded, filter, sortBy, sortOrder, startIndex, count, cursor);
    }

    private static List<String> optionalStrings(JsonParser parser, String member) throws IOException {
        return parser.currentToken() == JsonToken.VALUE_NULL ? List.of() : strings(parser, member);
    }

    private static List<String> strings(JsonParser parser, String member) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw ParseErrors.at(parser, "\"" + member + "\" must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.VALUE_STRING) {
                throw ParseErrors.at(parser, "\"" + member + "\" must be an array of strings");
            }
            values.add(parser.getText());
        }
        return values;
    }

    private static @Nullable String string(JsonParser parser, String member) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            throw ParseErrors.at(parser, "\"" + member + "\" must be a string");
        }
        return parser.getText();
    }

    private static @Nullable Integer integer(JsonParser parser, String member) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            BigDecimal number = parser.getDecimalValue();
            if (number.stripTrailingZeros().scale() > 0) {
                throw ScimException.invalidValue("\"" + member + "\" must be an integer");
            }
            return saturate(number);
        }
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw ParseErrors.at(parser, "\"" + member + "\" must be an integer");
        }
        return saturate(parser.getDecimalValue());
    }

    private static int saturate(BigDecimal number) {
        if (number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return Integer.MAX_VALUE;
        }
        if (number.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0) {
            return Integer.MIN_VALUE;
        }
        return number.intValueExact();
    }
}
