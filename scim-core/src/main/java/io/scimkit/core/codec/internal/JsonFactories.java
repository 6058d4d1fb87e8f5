package io.scimkit.core.codec.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

/**
 * The one {@link JsonFactory} the codec uses. A {@code JsonFactory} is thread-safe once
 * configured, and sharing it shares its symbol tables and buffer recycling.
 *
 * <p>The read limits bound what a hostile body can cost: nesting depth bounds the recursion of
 * the readers (a SCIM resource needs about four levels, a PATCH body a few more), and string,
 * name and number lengths bound memory per token. Exceeding one is an {@code invalidSyntax}.
 */
public final class JsonFactories {
    /** Deepest object/array nesting accepted in a body. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Longest string value accepted, in chars (1 MiB; photos and certificates fit easily). */
    public static final int MAX_STRING_LENGTH = 1 << 20;
    /** Longest member name accepted, in chars; schema URNs plus attribute names are far shorter. */
    public static final int MAX_NAME_LENGTH = 1024;
    /** Longest number accepted, in chars. */
    public static final int MAX_NUMBER_LENGTH = 256;
    /** Deepest nesting the writer emits; above the read limit so PATCHed-in values still fit. */
    public static final int MAX_WRITE_NESTING_DEPTH = 256;

    /** The shared factory. */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNameLength(MAX_NAME_LENGTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .streamWriteConstraints(StreamWriteConstraints.builder()
                    .maxNestingDepth(MAX_WRITE_NESTING_DEPTH)
                    .build())
            // Characters outside the BMP are written as 4-byte UTF-8, not as escaped surrogate pairs.
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private JsonFactories() {
    }
}
