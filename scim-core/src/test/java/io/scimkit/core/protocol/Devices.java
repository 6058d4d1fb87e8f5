package io.scimkit.core.protocol;

import io.scimkit.core.ScimService;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.AttributeType;
import io.scimkit.core.schema.Mutability;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.Returned;
import io.scimkit.core.schema.Schema;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.memory.InMemoryResourceStore;
import io.scimkit.core.store.memory.InMemoryStores;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A custom resource type registered at runtime (RFC 7643 §6): {@code Device} at {@code /Devices},
 * with a required name, an immutable serial number, a {@code returned: request} hint and an
 * {@code active} flag, stored in a generic in-memory store.
 */
final class Devices {
    static final String URN = "urn:example:scim:schemas:2.0:Device";

    private Devices() {
    }

    static SchemaRegistry registry() {
        Schema device = new Schema(URN, "Device", "A device", List.of(
                AttributeDefinition.builder("displayName").required(true).build(),
                AttributeDefinition.builder("serialNumber").mutability(Mutability.IMMUTABLE).build(),
                AttributeDefinition.builder("secretHint").returned(Returned.REQUEST).build(),
                AttributeDefinition.builder("active").type(AttributeType.BOOLEAN).build()));
        return SchemaRegistry.coreBuilder().schema(device)
                .resourceType(ResourceType.of("Device", "Devices", "/Devices", URN, List.of())).build();
    }

    /** A client of a service serving Users, Groups and Devices. */
    static ScimTestClient client(UnaryOperator<ScimService.Builder> configure) {
        SchemaRegistry registry = registry();
        InMemoryStores stores = InMemoryStores.create(registry);
        ScimService service = configure.apply(ScimService.builder().baseUri(ScimTestClient.BASE).schemas(registry)
                .userStore(stores.users()).groupStore(stores.groups())
                .store("Device", InMemoryResourceStore.builder(registry, "Device").build())).build();
        return new ScimTestClient(service, stores, ScimPrincipal.of("devices"));
    }

    static ScimTestClient client() {
        return client(builder -> builder);
    }

    static String body(String displayName, String serialNumber) {
        return "{\"schemas\":[\"" + URN + "\"],\"displayName\":\"" + displayName + "\",\"serialNumber\":\""
                + serialNumber + "\"}";
    }
}
