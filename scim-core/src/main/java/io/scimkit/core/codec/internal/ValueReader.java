package io.scimkit.core.codec.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.AttributeType;
import io.scimkit.core.value.BinaryValue;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.DateTimeValue;
import io.scimkit.core.value.DecimalValue;
import io.scimkit.core.value.IntegerValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.NullValue;
import io.scimkit.core.value.ReferenceValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import io.scimkit.core.value.internal.StorableText;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads one JSON value into a {@link ScimValue}, typed by an attribute definition when there is
 * one (RFC 7643 §2.3) and untyped otherwise.
 *
 * <p>The reader is lenient on purpose: it keeps what the client sent and leaves judging it to
 * validation. A JSON string stays a string unless the definition makes it a reference, binary or
 * (when it parses) dateTime; {@code "True"} for a boolean stays a {@link StringValue}; an array for
 * a single-valued attribute stays a {@link MultiValue}; a number keeps its exact decimal text.
 * Member names inside complex values resolve to the sub-attribute's canonical spelling; unknown
 * members keep their name and are read untyped. Recursion depth is bounded by the factory's
 * nesting limit.
 */
public final class ValueReader {
    /** Integral literals of at most this many chars (sign included) always fit in a long. */
    private static final int SAFE_LONG_CHARS = 18;

    private ValueReader() {
    }

    /**
     * Reads the value whose first token is the parser's current token, leaving the parser at its
     * last token.
     *
     * @param definition the attribute the value belongs to, or {@code null} to read it untyped
     */
    public static ScimValue read(JsonParser parser, @Nullable AttributeDefinition definition) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw ParseErrors.at(parser, "The request body ends before the JSON value is complete");
        }
        return switch (token) {
            case START_OBJECT -> readObject(parser, definition != null && definition.isComplex()
                    ? definition::subAttribute : name -> Optional.empty());
            case START_ARRAY -> readArray(parser, definition);
            case VALUE_STRING -> string(storable(parser, parser.getText()), definition);
            case VALUE_NUMBER_INT -> integral(parser, definition);
            case VALUE_NUMBER_FLOAT -> DecimalValue.of(decimal(parser));
            case VALUE_TRUE -> BooleanValue.TRUE;
            case VALUE_FALSE -> BooleanValue.FALSE;
            case VALUE_NULL -> NullValue.INSTANCE;
            default -> throw ParseErrors.at(parser, "The request body holds an unexpected JSON token");
        };
    }

    /**
     * Reads the object the parser is at, resolving each member name with {@code lookup}: a known
     * member is stored under its definition's name and typed by it, an unknown one is kept as sent.
     */
    public static ComplexValue readObject(JsonParser parser,
            Function<String, Optional<AttributeDefinition>> lookup) throws IOException {
        MemberNames seen = new MemberNames();
        ComplexValue.Builder members = ComplexValue.builder();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = memberName(parser, token);
            seen.add(parser, name);
            AttributeDefinition definition = lookup.apply(name).orElse(null);
            parser.nextToken();
            members.put(definition == null ? name : definition.name(), read(parser, definition));
        }
        return members.build();
    }

    /** The member name at a token that must be one; anything else means a truncated object. */
    public static String memberName(JsonParser parser, @Nullable JsonToken token) throws IOException {
        if (token != JsonToken.FIELD_NAME) {
            throw ParseErrors.at(parser, "The request body ends before the JSON object is complete");
        }
        return storable(parser, parser.currentName());
    }

    /**
     * The text of a string or member name, if every store can hold it: {@code invalidValue} for
     * U+0000 or an unpaired surrogate ({@link StorableText}), escaped or not, wherever it occurs.
     */
    private static String storable(JsonParser parser, String text) {
        int bad = StorableText.firstUnstorable(text);
        if (bad >= 0) {
            throw ParseErrors.invalidValueAt(parser, "A string in the request body contains "
                    + StorableText.describe(text, bad) + ", which no SCIM string may carry");
        }
        return text;
    }

    private static MultiValue readArray(JsonParser parser, @Nullable AttributeDefinition definition)
            throws IOException {
        List<ScimValue> elements = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            elements.add(read(parser, definition));
        }
        return MultiValue.of(elements);
    }

    private static ScimValue string(String text, @Nullable AttributeDefinition definition) {
        if (definition == null) {
            return StringValue.of(text);
        }
        return switch (definition.type()) {
            case REFERENCE -> ReferenceValue.of(text);
            case BINARY -> BinaryValue.of(text);
            case DATE_TIME -> DateTimeValue.parse(text).<ScimValue>map(value -> value).orElse(StringValue.of(text));
            default -> StringValue.of(text);
        };
    }

    /**
     * An integral literal: an integer when it fits a long (RFC 7643 §2.3.4), else a decimal so
     * that no digit is lost; always a decimal for a decimal attribute.
     */
    private static ScimValue integral(JsonParser parser, @Nullable AttributeDefinition definition)
            throws IOException {
        String text = parser.getText();
        if (definition != null && definition.type() == AttributeType.DECIMAL) {
            return DecimalValue.of(new BigDecimal(text));
        }
        if (text.length() <= SAFE_LONG_CHARS) {
            return IntegerValue.of(Long.parseLong(text));
        }
        BigInteger value = new BigInteger(text);
        return value.bitLength() < Long.SIZE ? IntegerValue.of(value.longValue()) : DecimalValue.of(new BigDecimal(value));
    }

    /** A number with fraction or exponent, with the scale exactly as sent ({@code 1.50} stays {@code 1.50}). */
    private static BigDecimal decimal(JsonParser parser) throws IOException {
        try {
            return new BigDecimal(parser.getText());
        } catch (NumberFormatException exponentOutOfRange) {
            throw ScimException.invalidValue("A number in the request body is outside the supported range.");
        }
    }
}
