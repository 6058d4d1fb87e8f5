package io.scimkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The user Entra creates in its provisioning sample 05a (RFC 7643 §4.1 User with the enterprise
 * extension), loaded once from the classpath; each library gets it in its own representation.
 */
final class EntraUser {
    private static final String RESOURCE = "entra-create-user.json";

    private EntraUser() {
    }

    /** The request body as JSON text. */
    static String json() {
        try (InputStream in = EntraUser.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body as a Jackson tree, as UnboundID's evaluator takes it. */
    static ObjectNode jackson() {
        try {
            JsonNode node = new ObjectMapper().readTree(json());
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
