package io.scimkit.core.protocol;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request to the SCIM service, as an adapter hands it over: the method, the path below
 * the SCIM base URI (e.g. {@code /Users/2819c223}; the base may have any path, RFC 7644 §1.3), the raw
 * (undecoded) query string, the headers, the body bytes, the authenticated principal ({@code null}
 * for an anonymous caller, allowed only on discovery endpoints when so configured), and the base
 * URI the client used (for {@code Location} and {@code meta.location}; {@code null} uses the
 * service's configured base URI).
 */
public record ScimRequest(String method, String path, String rawQuery, HttpHeaders headers, byte[] body,
        @Nullable ScimPrincipal principal, @Nullable URI baseUri) {

    public ScimRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rawQuery, "rawQuery");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        method = method.toUpperCase(Locale.ROOT);
    }

    /** A request without query, headers, body or base URI, for the given principal. */
    public static ScimRequest of(String method, String path, @Nullable ScimPrincipal principal) {
        return new ScimRequest(method, path, "", HttpHeaders.EMPTY, new byte[0], principal, null);
    }

    /** A copy with this raw query string. */
    public ScimRequest withQuery(String newRawQuery) {
        return new ScimRequest(method, path, newRawQuery, headers, body, principal, baseUri);
    }

    /** A copy with these headers. */
    public ScimRequest withHeaders(HttpHeaders newHeaders) {
        return new ScimRequest(method, path, rawQuery, newHeaders, body, principal, baseUri);
    }

    /** A copy with this body. */
    public ScimRequest withBody(byte[] newBody) {
        return new ScimRequest(method, path, rawQuery, headers, newBody, principal, baseUri);
    }

    /** A copy with this base URI. */
    public ScimRequest withBaseUri(@Nullable URI newBaseUri) {
        return new ScimRequest(method, path, rawQuery, headers, body, principal, newBaseUri);
    }

    /** The decoded query parameters. */
    public QueryParameters query() {
        return QueryParameters.parse(rawQuery);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof ScimRequest that && method.equals(that.method) && path.equals(that.path)
                && rawQuery.equals(that.rawQuery) && headers.asMap().equals(that.headers.asMap())
                && java.util.Arrays.equals(body, that.body) && Objects.equals(principal, that.principal)
                && Objects.equals(baseUri, that.baseUri);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, rawQuery, java.util.Arrays.hashCode(body), principal);
    }

    @Override
    public String toString() {
        // No headers or body: they may carry tokens and personal data.
        return "ScimRequest[" + method + " " + path + "]";
    }
}
