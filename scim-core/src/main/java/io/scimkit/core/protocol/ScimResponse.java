package io.scimkit.core.protocol;

import io.scimkit.core.codec.internal.ErrorCodec;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.message.internal.ErrorResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP response of the SCIM service: status, headers (a body is always
 * {@code application/scim+json}, RFC 7644 §3.1, §8.1) and body. Immutable.
 *
 * <p>The body is either bytes (almost every response) or <em>streamed</em>: a {@link BodyWriter}
 * that writes the JSON to the HTTP connection as it reads it from the store, so that a response
 * whose size grows with the data, such as a Group with hundreds of thousands of {@code members}
 * (RFC 7643 §4.2), never has to be held in memory. An adapter sends a streamed body with
 * {@link #writeBody}; the status and headers are final before the first byte is written, so a
 * failure while writing can only break the connection (the client sees a truncated body, never
 * a well-formed one). {@link #body()} and {@link #bodyText()} give the bytes of either kind, for
 * tests and in-process callers.
 */
public final class ScimResponse {
    /** {@code application/scim+json} (RFC 7644 §8.1). */
    public static final String SCIM_JSON = "application/scim+json";

    private static final byte[] NO_BODY = new byte[0];

    /** The headers of {@link #json}: built once, since every JSON response has them. */
    private static final Map<String, String> JSON_HEADERS = caseInsensitiveCopy(Map.of("Content-Type", SCIM_JSON));

    private final int status;
    private final Map<String, String> headers;
    private final byte @Nullable [] bytes;
    private final @Nullable BodyWriter writer;

    /**
     * Writes a streamed response body to the connection.
     *
     * <p>Called once per response by an adapter, on the thread that sends it; it may read from the
     * store while it writes. It must not close the stream.
     */
    @FunctionalInterface
    public interface BodyWriter {
        /**
         * Writes the whole body.
         *
         * @throws IOException if the stream fails or the body cannot be completed (the adapter then
         *     aborts the connection)
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /** A response with a body of bytes (empty for none). */
    public ScimResponse(int status, Map<String, String> headers, byte[] body) {
        this(status, headers, Objects.requireNonNull(body, "body"), null);
    }

    private ScimResponse(int status, Map<String, String> headers, byte @Nullable [] bytes,
            @Nullable BodyWriter writer) {
        Objects.requireNonNull(headers, "headers");
        this.status = status;
        this.headers = headers == JSON_HEADERS ? headers : caseInsensitiveCopy(headers);
        this.bytes = bytes;
        this.writer = writer;
    }

    private static Map<String, String> caseInsensitiveCopy(Map<String, String> headers) {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        return Collections.unmodifiableMap(copy);
    }

    /** A response with a SCIM JSON body. */
    public static ScimResponse json(int status, byte[] body) {
        return new ScimResponse(status, JSON_HEADERS, body);
    }

    /** A response with a SCIM JSON body that this writer produces while the response is sent. */
    public static ScimResponse streamed(int status, BodyWriter body) {
        return new ScimResponse(status, JSON_HEADERS, null, Objects.requireNonNull(body, "body"));
    }

    /** A response without a body (204, 304). */
    public static ScimResponse empty(int status) {
        return new ScimResponse(status, Map.of(), NO_BODY);
    }

    /** The RFC 7644 §3.12 error response for an exception. */
    public static ScimResponse error(ScimException exception) {
        ScimResponse response = json(exception.status(), ErrorCodec.write(ErrorResponse.of(exception)));
        if (exception.status() == 401) {
            // Every 401 names the accepted scheme (RFC 7644 §2, RFC 7235 §4.1).
            response = response.withHeader("WWW-Authenticate", "Bearer realm=\"SCIM\"");
        }
        return response;
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** The headers, looked up without regard to case (unmodifiable). */
    public Map<String, String> headers() {
        return headers;
    }

    /** A copy with this header set. */
    public ScimResponse withHeader(String name, String value) {
        return withHeaders(Collections.singletonMap(name, value));
    }

    /**
     * A copy with these headers set, each as {@link #withHeader} sets it, copying the headers once
     * for all of them (a resource response gets three).
     */
    ScimResponse withHeaders(Map<String, String> added) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        added.forEach((name, value) -> {
            copy.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            copy.put(name, value);
        });
        return new ScimResponse(status, copy, bytes, writer);
    }

    /** The header's value, if set. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** Whether the body is written while the response is sent ({@link #streamed}) rather than held as bytes. */
    public boolean isStreamed() {
        return writer != null;
    }

    /** Whether there is a body: a streamed one, or at least one byte. */
    public boolean hasBody() {
        return writer != null || Objects.requireNonNull(bytes).length > 0;
    }

    /**
     * The body bytes. A streamed body is written into memory on every call, reading the store
     * again: meant for tests and in-process callers, not for adapters (which use {@link #writeBody}).
     *
     * @throws UncheckedIOException if a streamed body cannot be completed
     */
    public byte[] body() {
        if (writer == null) {
            return Objects.requireNonNull(bytes);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            writer.writeTo(out);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return out.toByteArray();
    }

    /**
     * Writes the body to the stream (nothing for an empty body); does not close it.
     *
     * @throws IOException if the stream fails or a streamed body cannot be completed
     */
    public void writeBody(OutputStream out) throws IOException {
        if (writer != null) {
            writer.writeTo(out);
        } else if (Objects.requireNonNull(bytes).length > 0) {
            out.write(bytes);
        }
    }

    /** A streamed copy whose body this writer writes instead (same status and headers). */
    ScimResponse withWriter(BodyWriter replacement) {
        return new ScimResponse(status, headers, null, replacement);
    }

    /** The body as UTF-8 text, for tests and logs of non-sensitive responses. */
    public String bodyText() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /** Equal status, headers and bytes; a streamed response equals only itself. */
    @Override
    public boolean equals(@Nullable Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof ScimResponse that && writer == null && that.writer == null && status == that.status
                && headers.equals(that.headers) && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, writer == null ? Arrays.hashCode(bytes) : writer);
    }

    @Override
    public String toString() {
        return "ScimResponse[" + status + ", "
                + (writer == null ? Objects.requireNonNull(bytes).length + " bytes]" : "streamed]");
    }
}
