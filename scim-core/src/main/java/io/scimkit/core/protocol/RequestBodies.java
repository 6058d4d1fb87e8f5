package io.scimkit.core.protocol;

import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.error.ScimException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which request bodies the service reads, and as what bytes (RFC 7644 §3.8, §8.1: UTF-8 JSON; the
 * RFC does not cover {@code application/json}, which many identity providers send). The one place
 * that answers 415, for every endpoint that takes a body (POST, PUT and PATCH of resources,
 * {@code .search}, {@code /Bulk}).
 *
 * <p>{@code application/scim+json} and {@code application/json}, with or without parameters, are
 * always accepted, and so is a body without {@code Content-Type}. Any other JSON media type
 * ({@code text/json}, a {@code +json} structured suffix) is accepted too, since the body is
 * parsed as JSON anyway. Everything else is refused with 415 and a SCIM error body: reading a
 * form or XML body as JSON would only produce a confusing {@code invalidSyntax}.
 *
 * <p>A {@code charset} other than UTF-8 is read as the dialect says
 * ({@link ClientDialect#requestBody}): decoded as declared in every dialect, a mislabelled UTF-8
 * body read as UTF-8 with rule {@code declared-request-charset}; a body that cannot be read as
 * declared is 415.
 */
final class RequestBodies {
    private RequestBodies() {
    }

    /**
     * The request's body as UTF-8 JSON bytes, after checking its {@code Content-Type}.
     *
     * @throws ScimException 415 for a media type that is not JSON or a body that cannot be read in
     *     the charset it declares
     */
    static byte[] json(ScimRequest request, ClientDialect dialect) {
        Optional<String> header = request.headers().first("Content-Type");
        if (header.isEmpty() || header.get().isBlank()) {
            return request.body();
        }
        String[] parts = header.get().split(";");
        String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!isJson(mediaType)) {
            throw unsupported("the request body must be application/scim+json or application/json");
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.regionMatches(true, 0, "charset=", 0, "charset=".length())) {
                String charset = parameter.substring("charset=".length()).replace("\"", "").strip();
                if (charset.equalsIgnoreCase("utf-8") || charset.equalsIgnoreCase("utf8")) {
                    return request.body();
                }
                return dialect.requestBody(request.body(), charset).orElseThrow(() -> unsupported(
                        "request bodies are UTF-8 (RFC 7644 §3.8); this body cannot be read in the charset"
                                + " its Content-Type declares"));
            }
        }
        return request.body();
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/scim+json") || mediaType.equals("application/json")
                || mediaType.equals("text/json") || mediaType.startsWith("application/") && mediaType.endsWith("+json");
    }

    private static ScimException unsupported(String detail) {
        return new ScimException(415, null, detail);
    }
}
