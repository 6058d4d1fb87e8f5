package io.scimkit.core.codec;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.scimkit.core.codec.internal.JsonFactories;
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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link ProvisioningEvent} as one flat JSON object and reads it back, for a store that
 * keeps events in a table and for an application that receives them over HTTP:
 *
 * <pre>{@code
 * {"type":"user.deactivated","tenant":"contoso","resourceType":"User","resourceId":"2819c223",
 *  "version":"W/\"3\"","time":"2026-12-07T10:15:30Z","principal":"entra","requestId":"a1b2"}
 * }</pre>
 *
 * <p>Every event has {@code type}, {@code tenant}, {@code resourceType}, {@code resourceId},
 * {@code time} (ISO 8601 in UTC, as {@code meta.lastModified}, RFC 7643 §3.1) and
 * {@code principal}; {@code version} and {@code requestId} are left out when the event has none.
 * Then, by type: {@code changedAttributes} ({@code user.updated}), {@code memberIds}
 * ({@code group.members_added}, {@code group.members_removed}), {@code displayName}
 * ({@code group.created}, {@code group.renamed}) and {@code previousDisplayName}
 * ({@code group.renamed}). Reading ignores members it does not know, so that a reader keeps working
 * when later releases add some.
 *
 * <p>Stateless and thread-safe.
 */
public final class EventCodec {
    private static final String TYPE = "type";
    private static final String TENANT = "tenant";
    private static final String RESOURCE_TYPE = "resourceType";
    private static final String RESOURCE_ID = "resourceId";
    private static final String VERSION = "version";
    private static final String TIME = "time";
    private static final String PRINCIPAL = "principal";
    private static final String REQUEST_ID = "requestId";
    private static final String CHANGED_ATTRIBUTES = "changedAttributes";
    private static final String MEMBER_IDS = "memberIds";
    private static final String DISPLAY_NAME = "displayName";
    private static final String PREVIOUS_DISPLAY_NAME = "previousDisplayName";

    private EventCodec() {
    }

    /** Writes the event as compact UTF-8 JSON. */
    public static byte[] write(ProvisioningEvent event) {
        Objects.requireNonNull(event, "event");
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = JsonFactories.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            EventContext context = event.context();
            generator.writeStartObject();
            generator.writeStringField(TYPE, event.type());
            generator.writeStringField(TENANT, context.tenant());
            generator.writeStringField(RESOURCE_TYPE, context.resourceType());
            generator.writeStringField(RESOURCE_ID, context.resourceId());
            writeOptional(generator, VERSION, context.version());
            generator.writeStringField(TIME, context.time().toString());
            generator.writeStringField(PRINCIPAL, context.principal());
            writeOptional(generator, REQUEST_ID, context.requestId());
            writeDetails(generator, event);
            generator.writeEndObject();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return out.toByteArray();
    }

    /** Writes the event as a JSON string. */
    public static String writeString(ProvisioningEvent event) {
        return new String(write(event), StandardCharsets.UTF_8);
    }

    /**
     * Reads an event {@link #write} wrote.
     *
     * @throws IllegalArgumentException if the text is not such an event: malformed JSON, an unknown
     *     {@code type}, a missing member or an unreadable {@code time}
     */
    public static ProvisioningEvent read(String json) {
        Objects.requireNonNull(json, "json");
        Map<String, Object> members = new HashMap<>();
        try (JsonParser parser = JsonFactories.FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("an event is a JSON object");
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING) {
                    members.put(name, parser.getText());
                } else if (value == JsonToken.START_ARRAY) {
                    members.put(name, readStrings(parser));
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException failure) {
            throw new IllegalArgumentException("not a provisioning event: malformed JSON", failure);
        }
        return toEvent(members);
    }

    private static void writeDetails(JsonGenerator generator, ProvisioningEvent event) throws IOException {
        if (event instanceof UserUpdated updated) {
            writeStrings(generator, CHANGED_ATTRIBUTES, updated.changedAttributes());
        } else if (event instanceof MembersAdded added) {
            writeStrings(generator, MEMBER_IDS, added.memberIds());
        } else if (event instanceof MembersRemoved removed) {
            writeStrings(generator, MEMBER_IDS, removed.memberIds());
        } else if (event instanceof GroupCreated created) {
            writeOptional(generator, DISPLAY_NAME, created.displayName());
        } else if (event instanceof GroupRenamed renamed) {
            writeOptional(generator, DISPLAY_NAME, renamed.displayName());
            writeOptional(generator, PREVIOUS_DISPLAY_NAME, renamed.previousDisplayName());
        }
    }

    private static ProvisioningEvent toEvent(Map<String, Object> members) {
        String type = required(members, TYPE);
        EventContext context = new EventContext(required(members, TENANT), required(members, PRINCIPAL),
                optional(members, REQUEST_ID), time(required(members, TIME)), required(members, RESOURCE_TYPE),
                required(members, RESOURCE_ID), optional(members, VERSION));
        return switch (type) {
            case "user.created" -> new UserCreated(context);
            case "user.updated" -> new UserUpdated(context, strings(members, CHANGED_ATTRIBUTES));
            case "user.deactivated" -> new UserDeactivated(context);
            case "user.reactivated" -> new UserReactivated(context);
            case "user.deleted" -> new UserDeleted(context);
            case "group.created" -> new GroupCreated(context, optional(members, DISPLAY_NAME));
            case "group.renamed" -> new GroupRenamed(context, optional(members, PREVIOUS_DISPLAY_NAME),
                    optional(members, DISPLAY_NAME));
            case "group.deleted" -> new GroupDeleted(context);
            case "group.members_added" -> new MembersAdded(context, strings(members, MEMBER_IDS));
            case "group.members_removed" -> new MembersRemoved(context, strings(members, MEMBER_IDS));
            default -> throw new IllegalArgumentException("not a provisioning event type: "
                    + type.substring(0, Math.min(type.length(), 60)));
        };
    }

    private static Instant time(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException unreadable) {
            throw new IllegalArgumentException("an event's time is an ISO 8601 instant", unreadable);
        }
    }

    private static String required(Map<String, Object> members, String name) {
        if (!(members.get(name) instanceof String text)) {
            throw new IllegalArgumentException("an event needs the string member \"" + name + "\"");
        }
        return text;
    }

    private static @Nullable String optional(Map<String, Object> members, String name) {
        return members.get(name) instanceof String text ? text : null;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> members, String name) {
        if (!(members.get(name) instanceof List<?> list)) {
            throw new IllegalArgumentException("an event of this type needs the array member \"" + name + "\"");
        }
        return (List<String>) list;
    }

    private static List<String> readStrings(JsonParser parser) throws IOException {
        List<String> values = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.VALUE_STRING) {
                throw new IllegalArgumentException("an event's arrays hold strings only");
            }
            values.add(parser.getText());
        }
        return values;
    }

    private static void writeStrings(JsonGenerator generator, String name, List<String> values) throws IOException {
        generator.writeArrayFieldStart(name);
        for (String value : values) {
            generator.writeString(value);
        }
        generator.writeEndArray();
    }

    private static void writeOptional(JsonGenerator generator, String name, @Nullable String value)
            throws IOException {
        if (value != null) {
            generator.writeStringField(name, value);
        }
    }
}
