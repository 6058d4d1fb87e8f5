package io.scimkit.examples.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.codec.EventCodec;
import io.scimkit.core.event.EventContext;
import io.scimkit.core.event.ProvisioningEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogListenerTest {
    @Test
    void eachEventIsOneLineOfTheCodecsJson() {
        List<String> lines = new ArrayList<>();
        ProvisioningEvent event = new ProvisioningEvent.UserDeactivated(new EventContext("contoso", "entra", "req-1",
                Instant.parse("2026-12-07T03:00:00Z"), "User", "2819c223", "W/\"2\""));
        new LogListener(lines::add).onEvent(event);

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line).doesNotContain("\n").startsWith("{\"type\":\"user.deactivated\"");
            assertThat(EventCodec.read(line)).isEqualTo(event);
        });
    }
}
