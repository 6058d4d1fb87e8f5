package io.scimkit.examples;

import io.scimkit.core.protocol.ScimResponse;
import io.scimkit.jaxrs.ScimEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Serves SCIM requests (RFC 7644 §3) on Jetty without Jersey: a request below the base path with GET,
 * POST, PUT, PATCH or DELETE goes straight to {@link ScimEndpoint#serve}, and its reply is written in
 * one write (status, headers, {@code Content-Type}, {@code Content-Length} and body), or, for a streamed
 * body, as the store reads it. Everything else falls through to Jersey unchanged: HEAD and OPTIONS,
 * paths outside the base path or claimed by another resource of the application (such as
 * {@code /health}), and requests Jersey would refuse before reaching the endpoint (a path that is no
 * valid URI path, an {@code Accept} or {@code Content-Type} it cannot parse), so that those keep
 * Jersey's answers.
 *
 * <p>The application base URI is built as Jersey's Jetty container builds it (the request URI's scheme,
 * host and port, which {@link ConnectionAuthority} sets from the connection's address, and {@code /}),
 * so {@code Location} and {@code meta.location} are the same on both paths. The {@link RequestLog} gets
 * the request as {@link RequestLogFilter} gives it for Jersey's requests: one line per request.
 */
final class DirectScimHandler extends Handler.Wrapper {
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final String PARAMETER = "[ \\t]*;[ \\t]*(?:[qQ][ \\t]*=[ \\t]*(?:0(?:\\.[0-9]{0,3})?|1(?:\\.0{0,3})?)"
            + "|(?![qQ][ \\t]*=)" + TOKEN + "[ \\t]*=[ \\t]*(?:" + TOKEN + "|\"[^\"\\\\]*\"))";
    private static final String MEDIA_RANGE = "[ \\t]*" + TOKEN + "/" + TOKEN + "(?:" + PARAMETER + ")*[ \\t]*";
    /** {@code Accept} values any parser reads alike: media ranges with token or quoted parameters, valid q. */
    private static final Pattern PLAIN_ACCEPT = Pattern.compile(MEDIA_RANGE + "(?:," + MEDIA_RANGE + ")*");
    private static final Pattern PLAIN_CONTENT_TYPE = Pattern.compile(MEDIA_RANGE);

    private final ScimEndpoint scim;
    private final String basePath;
    private final List<String> claimedByOthers;
    private final RequestLog log;
    private final LongAdder served;
    /** The last application base URI built; a benign race: any thread's result is right. */
    private volatile @Nullable ApplicationBase lastBase;

    /**
     * @param claimedByOthers the literal beginnings of the paths (from the root, e.g. {@code /health}) of
     *     the application's other resources: requests whose path starts with one go to Jersey
     * @param served counts the requests served here
     */
    DirectScimHandler(Handler jersey, ScimEndpoint scim, List<String> claimedByOthers, RequestLog log,
            LongAdder served) {
        super(jersey);
        this.scim = scim;
        this.basePath = scim.basePath();
        this.claimedByOthers = List.copyOf(claimedByOthers);
        this.log = log;
        this.served = served;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        HttpURI uri = request.getHttpURI();
        String rawPath = uri.getPath();
        if (!METHODS.contains(method) || rawPath == null || !direct(rawPath, request.getHeaders())) {
            return super.handle(request, response, callback);
        }
        HttpFields fields = request.getHeaders();
        RequestLog.Entry entry = log.begin(method, rawPath, fields.get(AuditLog.REQUEST_ID));
        String requestId = entry == null ? null : entry.requestId();
        InputStream body = method.equals("GET") || method.equals("DELETE") ? null : Content.Source.asInputStream(request);
        Optional<ScimEndpoint.Reply> reply = scim.serve(method, rawPath, uri.getQuery(), applicationBase(request),
                headers(fields, requestId), body);
        if (reply.isEmpty()) {
            // Not below the base path after all: Jersey answers (and logs) it; nothing was read.
            return super.handle(request, response, callback);
        }
        served.increment();
        ScimResponse answer = reply.get().response();
        response.setStatus(answer.status());
        HttpFields.Mutable out = response.getHeaders();
        answer.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                out.put(name, value);
            }
        });
        if (requestId != null) {
            out.put(AuditLog.REQUEST_ID, requestId);
        }
        if (entry != null) {
            entry.end(answer.status(), answer.header("Location").orElse(null));
        }
        write(answer, reply.get().contentType(), response, callback);
        return true;
    }

    /** Whether a request below the base path is served here rather than by Jersey. */
    private boolean direct(String rawPath, HttpFields fields) {
        if (!belowBasePath(rawPath) || !plainPath(rawPath)) {
            return false;
        }
        for (String other : claimedByOthers) {
            if (rawPath.startsWith(other)) {
                return false;
            }
        }
        for (HttpField field : fields) {
            HttpHeader header = field.getHeader();
            if (header == HttpHeader.ACCEPT && !plainAccept(field.getValue())
                    || header == HttpHeader.CONTENT_TYPE && !plainContentType(field.getValue())) {
                return false;
            }
        }
        return true;
    }

    private boolean belowBasePath(String rawPath) {
        return basePath.equals("/") ? rawPath.startsWith("/")
                : rawPath.startsWith(basePath) && (rawPath.length() == basePath.length()
                        || rawPath.charAt(basePath.length()) == '/');
    }

    /** The common values first, without a regular expression. */
    static boolean plainAccept(String value) {
        return value.equals(ScimResponse.SCIM_JSON) || value.equals("application/json") || value.equals("*/*")
                || PLAIN_ACCEPT.matcher(value).matches();
    }

    /** The SCIM types first, without a regular expression: every PATCH, POST and PUT has one. */
    static boolean plainContentType(String value) {
        return value.equals(ScimResponse.SCIM_JSON) || value.equals("application/json")
                || PLAIN_CONTENT_TYPE.matcher(value).matches();
    }

    /**
     * Whether the path is a valid URI path without matrix parameters, as Jersey needs it to route:
     * unreserved characters, valid percent-escapes, and {@code /:@!$&'()*+,=}.
     */
    static boolean plainPath(String rawPath) {
        if (!rawPath.startsWith("/")) {
            return false;
        }
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                if (i + 2 >= rawPath.length() || Character.digit(rawPath.charAt(i + 1), 16) < 0
                        || Character.digit(rawPath.charAt(i + 2), 16) < 0) {
                    return false;
                }
                i += 2;
            } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "-._~/:@!$&'()*+,=".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    /** The request's header fields, one value per field line as Jersey reads them; the log's request id in place of the client's. */
    private static Map<String, List<String>> headers(HttpFields fields, @Nullable String requestId) {
        Map<String, List<String>> headers = new HashMap<>(fields.size() * 2);
        for (HttpField field : fields) {
            if (requestId == null || !field.getName().equalsIgnoreCase(AuditLog.REQUEST_ID)) {
                headers.computeIfAbsent(field.getName(), name -> new ArrayList<>(1)).add(field.getValue());
            }
        }
        if (requestId != null) {
            headers.put(AuditLog.REQUEST_ID, List.of(requestId));
        }
        return headers;
    }

    /**
     * The application base URI as Jersey's Jetty container builds it: scheme, server name and port of
     * the request URI, path {@code /}. Nearly every request has the same one, so the last is kept.
     */
    private URI applicationBase(Request request) throws URISyntaxException {
        String scheme = request.getHttpURI().getScheme();
        String host = Request.getServerName(request);
        int port = Request.getServerPort(request);
        ApplicationBase last = lastBase;
        if (last != null && last.port() == port && last.host().equals(host) && last.scheme().equals(scheme)) {
            return last.uri();
        }
        URI uri = new URI(scheme, null, host, port, "/", null, null);
        lastBase = new ApplicationBase(scheme, host, port, uri);
        return uri;
    }

    private record ApplicationBase(String scheme, String host, int port, URI uri) {
    }

    /**
     * Writes the body: in one write with its length when it is in memory; as the store reads it when
     * streamed, aborting the connection if that fails midway (the client sees a truncated body, never a
     * complete-looking one).
     */
    private static void write(ScimResponse answer, String contentType, Response response, Callback callback) {
        if (!answer.hasBody()) {
            response.write(true, BufferUtil.EMPTY_BUFFER, callback);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        if (!answer.isStreamed()) {
            byte[] body = answer.body();
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
            return;
        }
        OutputStream out = Content.Sink.asOutputStream(response);
        try {
            answer.writeBody(out);
            out.close();
        } catch (IOException | RuntimeException failed) {
            // Not closed: closing would end the body as if it were complete.
            callback.failed(failed);
            return;
        }
        callback.succeeded();
    }
}
