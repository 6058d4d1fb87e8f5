package io.scimkit.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * A webhook for the event tests: an HTTP server on 127.0.0.1 that records every POST (headers and
 * raw body) and answers with the status the test chooses. Checks signatures on its own, with
 * javax.crypto, the way the README tells a receiver to.
 */
final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile ToIntFunction<@Nullable String> status = eventId -> 204;
    private volatile long delayMillis;

    /** One POST the receiver got. */
    record Delivery(String path, @Nullable String contentType, @Nullable String eventId, @Nullable String eventType,
            @Nullable String signature, byte[] body, int answered) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException malformed) {
                throw new UncheckedIOException(malformed);
            }
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        boolean acknowledged() {
            return answered / 100 == 2;
        }
    }

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The URL to give {@code --events}. */
    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/scim");
    }

    /** From now on, answer with this status. */
    void answer(int value) {
        status = eventId -> value;
    }

    /** From now on, choose each answer's status from the delivery's event id. */
    void answer(ToIntFunction<@Nullable String> value) {
        status = value;
    }

    /** From now on, wait this long before answering. */
    void delay(long millis) {
        delayMillis = millis;
    }

    /** Every POST so far, in arrival order. */
    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** The deliveries acknowledged with a 2xx, in arrival order. */
    List<Delivery> acknowledged() {
        return deliveries.stream().filter(Delivery::acknowledged).toList();
    }

    /** Waits (up to {@code seconds}) until the deliveries satisfy {@code done}; returns them either way. */
    List<Delivery> await(Predicate<List<Delivery>> done, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!done.test(deliveries()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return deliveries();
    }

    /**
     * Whether the delivery carries {@code t=<seconds>,v1=<hex HMAC-SHA256 of "<seconds>." + body>}
     * keyed with this secret: computed here independently of the server's code.
     */
    static boolean signedWith(String secret, Delivery delivery) {
        if (delivery.signature() == null || !delivery.signature().matches("t=\\d+,v1=[0-9a-f]{64}")) {
            return false;
        }
        String[] parts = delivery.signature().split(",");
        String seconds = parts[0].substring(2);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((seconds + ".").getBytes(StandardCharsets.US_ASCII));
            byte[] expected = mac.doFinal(delivery.body());
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(parts[1].substring(3)));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(unavailable);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            var headers = exchange.getRequestHeaders();
            int answer = "POST".equals(exchange.getRequestMethod())
                    ? status.applyAsInt(headers.getFirst("X-Scimkit-Event-Id")) : 405;
            deliveries.add(new Delivery(exchange.getRequestURI().getPath(), headers.getFirst("Content-Type"),
                    headers.getFirst("X-Scimkit-Event-Id"), headers.getFirst("X-Scimkit-Event-Type"),
                    headers.getFirst("X-Scimkit-Signature"), body, answer));
            exchange.sendResponseHeaders(answer, -1);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The event types of these deliveries, in order. */
    static List<String> types(List<Delivery> deliveries) {
        List<String> types = new ArrayList<>();
        deliveries.forEach(delivery -> types.add(delivery.json().path("type").asText()));
        return types;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
