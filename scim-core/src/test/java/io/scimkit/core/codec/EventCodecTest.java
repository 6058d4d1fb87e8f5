package io.scimkit.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimkit.core.event.EventContext;
import io.scimkit.core.event.ProvisioningEvent;
import io.scimkit.core.event.ProvisioningEvent.GroupCreated;
import io.scimkit.core.event.ProvisioningEvent.GroupDeleted;
import io.scimkit.core.event.ProvisioningEvent.GroupRenamed;
import io.scimkit.core.event.ProvisioningEvent.MembersAdded;
import io.scimkit.core.event.ProvisioningEvent.MembersRemoved;
import io.scimkit.core.event.ProvisioningEvent.UserCreated;
import io.scimkit.core.event.ProvisioningEvent.UserDeactivated;
import io.scimkit.core.event.ProvisioningEvent.UserDeleted;
import io.scimkit.core.event.ProvisioningEvent.UserReactivated;
import io.scimkit.core.event.ProvisioningEvent.UserUpdated;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventCodecTest {
    private static final EventContext USER = new EventContext("contoso", "entra", "req-1",
            Instant.parse("2026-12-07T10:15:30.123Z"), "User", "2819c223", "W/\"3\"");
    private static final EventContext GROUP = new EventContext("contoso", "entra", null,
            Instant.parse("2026-12-07T10:15:30Z"), "Group", "e9e30dba", null);

    static Stream<ProvisioningEvent> everyType() {
        return Stream.of(new UserCreated(USER), new UserUpdated(USER, List.of("name.givenName", "emails")),
                new UserDeactivated(USER), new UserReactivated(USER), new UserDeleted(USER),
                new GroupCreated(GROUP, "Sales \"EU\" ü"), new GroupCreated(GROUP, null),
                new GroupRenamed(GROUP, "Old", "New"), new GroupDeleted(GROUP),
                new MembersAdded(GROUP, List.of("a", "b")), new MembersRemoved(GROUP, List.of("c")));
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void everyEventReadsBackEqual(ProvisioningEvent event) {
        String json = EventCodec.writeString(event);

        assertThat(EventCodec.read(json)).isEqualTo(event);
        assertThat(json).startsWith("{\"type\":\"" + event.type() + "\"");
    }

    @org.junit.jupiter.api.Test
    void writesFlatObjectWithoutAbsentMembers() {
        assertThat(EventCodec.writeString(new UserDeactivated(USER))).isEqualTo("{\"type\":\"user.deactivated\","
                + "\"tenant\":\"contoso\",\"resourceType\":\"User\",\"resourceId\":\"2819c223\","
                + "\"version\":\"W/\\\"3\\\"\",\"time\":\"2026-12-07T10:15:30.123Z\",\"principal\":\"entra\","
                + "\"requestId\":\"req-1\"}");
        assertThat(EventCodec.writeString(new MembersAdded(GROUP, List.of("a")))).doesNotContain("version",
                "requestId").contains("\"memberIds\":[\"a\"]");
    }

    @org.junit.jupiter.api.Test
    void ignoresMembersItDoesNotKnow() {
        String json = "{\"type\":\"user.created\",\"future\":{\"x\":[1,2]},\"tenant\":\"t\",\"resourceType\":\"User\","
                + "\"resourceId\":\"1\",\"time\":\"2026-01-01T00:00:00Z\",\"principal\":\"p\",\"n\":5}";

        assertThat(EventCodec.read(json)).isEqualTo(new UserCreated(new EventContext("t", "p", null,
                Instant.parse("2026-01-01T00:00:00Z"), "User", "1", null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{", "{\"type\":\"user.exploded\",\"tenant\":\"t\",\"resourceType\":\"User\","
            + "\"resourceId\":\"1\",\"time\":\"2026-01-01T00:00:00Z\",\"principal\":\"p\"}",
            "{\"type\":\"user.created\",\"tenant\":\"t\",\"resourceType\":\"User\",\"resourceId\":\"1\","
                    + "\"time\":\"yesterday\",\"principal\":\"p\"}",
            "{\"type\":\"user.created\",\"resourceType\":\"User\",\"resourceId\":\"1\","
                    + "\"time\":\"2026-01-01T00:00:00Z\",\"principal\":\"p\"}",
            "{\"type\":\"group.members_added\",\"tenant\":\"t\",\"resourceType\":\"Group\",\"resourceId\":\"1\","
                    + "\"time\":\"2026-01-01T00:00:00Z\",\"principal\":\"p\"}",
            "{\"type\":\"group.members_added\",\"tenant\":\"t\",\"resourceType\":\"Group\",\"resourceId\":\"1\","
                    + "\"time\":\"2026-01-01T00:00:00Z\",\"principal\":\"p\",\"memberIds\":[1]}"})
    void refusesWhatIsNotAnEvent(String json) {
        assertThatThrownBy(() -> EventCodec.read(json)).isInstanceOf(IllegalArgumentException.class);
    }
}
