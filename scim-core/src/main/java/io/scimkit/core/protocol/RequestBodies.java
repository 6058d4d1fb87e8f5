package io.scimkit.core.protocol;

import io.scimkit.core.error.ScimException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which request bodies the resource endpoints read (RFC 7644 §3.8, §8.1: UTF-8 JSON; the RFC does
 * not cover {@code application/json}, which many identity providers send).
 * {@code application/scim+json} and {@code application/json}, with or without parameters, are
 * always accepted, and so is a body without {@code Content-Type}. Any other JSON media type
 * ({@code text/json}, a {@code +json} structured suffix) is accepted too, since the body is
 * parsed as JSON anyway. Everything else, and a {@code charset} other than UTF-8, is refused with
 * 415 and a SCIM error body: reading a form or XML body as JSON would only produce a confusing
 * {@code invalidSyntax}.
 */
final class RequestBodies {
    private RequestBodies() {
    }

    /**
     * Checks the request's {@code Content-Type}.
     *
     * @throws ScimException 415 for a media type that is not JSON or a charset that is not UTF-8
     */
    static void requireJson(ScimRequest request) {
        Optional<String> header = request.headers().first("Content-Type");
        if (header.isEmpty() || header.get().isBlank()) {
            return;
        }
        String[] parts = header.get().split(";");
        String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!isJson(mediaType)) {
            throw unsupported("the request body must be application/scim+json or application/json");
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("charset=")) {
                String charset = parameter.substring("charset=".length()).replace("\"", "").strip();
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    throw unsupported("request bodies are UTF-8 (RFC 7644 §3.8)");
                }
            }
        }
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/scim+json") || mediaType.equals("application/json")
                || mediaType.equals("text/json") || mediaType.startsWith("application/") && mediaType.endsWith("+json");
    }

    private static ScimException unsupported(String detail) {
        return new ScimException(415, null, detail);
    }
}
