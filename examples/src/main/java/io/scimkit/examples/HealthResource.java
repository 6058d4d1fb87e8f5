package io.scimkit.examples;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import java.util.Optional;

/**
 * Liveness and readiness for an orchestrator's probes, outside the SCIM base path and without
 * authentication: {@code GET /health/live} answers 200 while the process serves HTTP;
 * {@code GET /health/ready} answers 200 when the stores can serve requests and 503 with a reason
 * when they cannot (the database is unreachable or closed). The bodies are small JSON objects,
 * {@code {"status":"UP"}}, {@code {"status":"READY"}} or
 * {@code {"status":"NOT_READY","reason":"..."}}, with no version, host or store details, and are
 * never cached. These are not SCIM endpoints (RFC 7644 defines none for health).
 */
@Path("health")
public final class HealthResource {
    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    private final StoreReadiness readiness;

    /** Answers readiness from these stores. */
    public HealthResource(StoreReadiness readiness) {
        this.readiness = Objects.requireNonNull(readiness, "readiness");
    }

    /** 200 while the server answers at all. */
    @GET
    @Path("live")
    public Response live() {
        return json(200, "{\"status\":\"UP\"}");
    }

    /** 200 when the stores answer, else 503 with the reason. */
    @GET
    @Path("ready")
    public Response ready() {
        Optional<String> reason = readiness.notReadyBecause();
        return reason.isEmpty() ? json(200, "{\"status\":\"READY\"}")
                : json(503, "{\"status\":\"NOT_READY\",\"reason\":\"" + jsonText(reason.get()) + "\"}");
    }

    private static Response json(int status, String body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).cacheControl(NO_STORE).entity(body)
                .build();
    }

    /** The reason as a JSON string's content: quotes, backslashes and control characters escaped. */
    static String jsonText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
