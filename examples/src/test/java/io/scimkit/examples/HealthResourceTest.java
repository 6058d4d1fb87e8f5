package io.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The health bodies: small JSON, 503 with the reason when the store is not ready, never cached. */
class HealthResourceTest {

    @Test
    void notReadyIs503WithTheReasonAsAJsonString() {
        Response ready = new HealthResource(() -> Optional.of("a \"quoted\" \\ reason\n")).ready();

        assertThat(ready.getStatus()).isEqualTo(503);
        assertThat(ready.getEntity())
                .isEqualTo("{\"status\":\"NOT_READY\",\"reason\":\"a \\\"quoted\\\" \\\\ reason\\u000a\"}");
        assertThat(ready.getMediaType().toString()).isEqualTo("application/json");
        assertThat(ready.getHeaderString("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void readyAndLiveAre200() {
        HealthResource health = new HealthResource(StoreReadiness.ALWAYS);

        assertThat(health.ready().getStatus()).isEqualTo(200);
        assertThat(health.ready().getEntity()).isEqualTo("{\"status\":\"READY\"}");
        assertThat(health.live().getStatus()).isEqualTo(200);
        assertThat(health.live().getEntity()).isEqualTo("{\"status\":\"UP\"}");
    }
}
