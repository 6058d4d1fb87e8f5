package io.scimkit.examples.edge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, for requests java.net.http refuses to send (control characters, forged
 * {@code Host}, malformed {@code Accept}, huge request lines). Each request is sent as given and the
 * answer read until the server closes the connection or the read times out (generously).
 */
final class RawHttp {
    static final int READ_TIMEOUT_MILLIS = 20_000;

    private RawHttp() {
    }

    /**
     * A response as read off the wire; {@code status} is 0 if the server closed without answering, or
     * if nothing came before the read timed out ({@code timedOut}).
     */
    record Answer(int status, Map<String, String> headers, String body, boolean timedOut) {
        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    /** Sends the bytes as they are and reads the answer. */
    static Answer exchange(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        }
    }

    /** Sends the text (ISO-8859-1, as HTTP/1.1 header bytes are) and reads the answer. */
    static Answer exchange(int port, String request) throws IOException {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Reads one answer off the stream: until end of stream, or the body's Content-Length. */
    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        boolean timedOut = false;
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                bytes.write(buffer, 0, n);
                if (complete(bytes.toString(StandardCharsets.ISO_8859_1))) {
                    break;
                }
            }
        } catch (SocketTimeoutException stopped) {
            timedOut = true;
        } catch (java.net.SocketException reset) {
            // The server closed the connection: what arrived is the answer (possibly none).
        }
        Answer answer = parse(bytes.toString(StandardCharsets.UTF_8));
        return new Answer(answer.status(), answer.headers(), answer.body(), timedOut);
    }

    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        Answer head = parse(text);
        return head.header("Content-Length")
                .map(length -> text.length() - end - 4 >= Integer.parseInt(length.strip()))
                .orElse(false);
    }

    private static Answer parse(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || end < 0) {
            return new Answer(0, Map.of(), text, false);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        String body = text.substring(end + 4);
        return new Answer(status, headers, "chunked".equalsIgnoreCase(headers.get("transfer-encoding"))
                ? dechunk(body) : body, false);
    }

    /** The body of a chunked transfer coding (RFC 9112 §7.1), without extensions or trailers. */
    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            body.append(chunked, start, Math.min(chunked.length(), start + size));
            at = start + size + 2;
        }
        return body.toString();
    }
}
