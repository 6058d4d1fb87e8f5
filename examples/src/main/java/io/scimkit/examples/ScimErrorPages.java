package io.scimkit.examples;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.protocol.ScimResponse;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself, before or around the SCIM endpoint (a malformed request line or
 * path, a URI or headers over the size limits, a failure the application did not catch), as RFC 7644
 * §3.12 error bodies in {@code application/scim+json} instead of Jetty's HTML pages. The detail says
 * what the status means and nothing more: no server name, version, exception or stack trace.
 */
final class ScimErrorPages extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message,
            Throwable cause, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ScimResponse.SCIM_JSON);
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, ScimResponse.SCIM_JSON);
        return ByteBuffer.wrap(body(status));
    }

    /** The error body for a status; a status that is not an error is reported as the 500 it stands for. */
    static byte[] body(int status) {
        int code = status >= 400 && status <= 599 ? status : HttpStatus.INTERNAL_SERVER_ERROR_500;
        return ScimResponse.error(new ScimException(code, null, detail(code))).body();
    }

    private static String detail(int status) {
        return switch (status) {
            case HttpStatus.BAD_REQUEST_400 -> "the request line, path or a header is malformed";
            case HttpStatus.URI_TOO_LONG_414 -> "the request URI is too long";
            case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 -> "the request headers are too large";
            case HttpStatus.INTERNAL_SERVER_ERROR_500 -> "the server could not answer the request";
            default -> {
                String reason = HttpStatus.getMessage(status);
                yield reason == null ? "HTTP status " + status : reason;
            }
        };
    }
}
