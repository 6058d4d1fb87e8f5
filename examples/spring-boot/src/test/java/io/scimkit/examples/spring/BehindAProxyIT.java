package io.scimkit.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code scimkit.public-base-uri} set, {@code Location} and {@code meta.location} name the public
 * URL whatever {@code Host} the request carries (issue 11 finding 9): a forged {@code Host} (which
 * java.net.http will not send, hence a plain socket) stays out of both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BehindAProxyIT {
    private static final String TOKEN = "proxy-" + UUID.randomUUID().toString().replace("-", "");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:scimkit-proxy-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("scimkit.tokens.default", () -> TOKEN);
        registry.add("scimkit.public-base-uri", () -> "https://tenant.example.com/scim/v2");
    }

    @Test
    void aForgedHostDoesNotReachLocation() throws IOException {
        byte[] body = ("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"host-"
                + UUID.randomUUID() + "@example.com\"}").getBytes(StandardCharsets.UTF_8);
        String answer;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /scim/v2/Users HTTP/1.1\r\nHost: evil.example.com\r\n"
                    + "Authorization: Bearer " + TOKEN + "\r\nContent-Type: application/scim+json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            answer = readAll(socket.getInputStream());
        }

        assertThat(answer).startsWith("HTTP/1.1 201");
        assertThat(answer).containsPattern("(?i)\r\nLocation: https://tenant\\.example\\.com/scim/v2/Users/")
                .contains("\"location\":\"https://tenant.example.com/scim/v2/Users/")
                .doesNotContain("evil.example.com");
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
