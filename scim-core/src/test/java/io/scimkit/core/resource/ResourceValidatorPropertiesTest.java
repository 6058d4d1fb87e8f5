package io.scimkit.core.resource;

import static io.scimkit.core.resource.ResourceFixtures.CODEC;
import static io.scimkit.core.resource.ResourceFixtures.ENTERPRISE;
import static io.scimkit.core.resource.ResourceFixtures.MAPPER;
import static io.scimkit.core.resource.ResourceFixtures.REGISTRY;
import static io.scimkit.core.resource.ResourceFixtures.USER;
import static io.scimkit.core.resource.ResourceFixtures.GROUP;
import static io.scimkit.core.resource.ResourceFixtures.goldenTree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.UnknownAttributePolicy;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seeded generator properties: random resources, valid ones and mutated ones, either fail with a
 * 400 {@link ScimException} or validate to a resource that validates again unchanged and survives
 * a codec round trip; nothing else ever escapes. Projections of what passes are idempotent and
 * never add anything.
 */
class ResourceValidatorPropertiesTest {
    private static final long SEED = 0x5C1A_7E57L;
    private static final int RUNS = 2000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final List<ResourceValidator> VALIDATORS = List.of(
            ResourceValidator.of(REGISTRY, ValidationSettings.rfc()),
            ResourceValidator.of(REGISTRY, ValidationSettings.rfc().requireUserAttributes("emails", "externalId")),
            ResourceValidator.of(REGISTRY, ValidationSettings.rfc().withUnknownAttributes(UnknownAttributePolicy.REJECT)
                    .withCanonicalValues(CanonicalValuePolicy.REJECT)));

    /** Names the generator puts in bodies: known in various cases, readOnly, unknown. */
    private static final String[] USER_NAMES = {
        "schemas", "id", "externalId", "meta", "userName", "USERNAME", "name", "displayName", "active", "emails",
        "phoneNumbers", "addresses", "groups", "roles", "x509Certificates", "password", "title", "shoeSize",
        ENTERPRISE, "urn:ietf:params:scim:schemas:extension:enterprise:2.0User", "members",
    };
    private static final String[] SUB_NAMES = {
        "value", "VALUE", "type", "primary", "display", "givenName", "familyName", "$ref", "created", "manager",
        "displayName", "employeeNumber", "department", "nick", "formatted",
    };
    private static final String[] STRINGS = {
        "", "work", "home", "Work", "office", "bjensen", "2010-01-23T04:56:22Z", "2010-01-23", "TWFu", "not base64!",
        "true", "urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE, "urn:ietf:params:scim:schemas:core:2.0:Group",
    };

    @Test
    void validateThrowsScimExceptionOrIsIdempotent() {
        Random random = new Random(SEED);
        int passed = 0;
        int rejected = 0;
        for (int run = 0; run < RUNS; run++) {
            boolean isUser = random.nextInt(4) != 0;
            ResourceType type = isUser ? USER : GROUP;
            ObjectNode body = isUser ? seedUser(random) : seedGroup(random);
            int mutations = random.nextInt(4);
            for (int i = 0; i < mutations; i++) {
                mutate(body, random);
            }
            ScimResource resource;
            try {
                resource = CODEC.read(MAPPER.writeValueAsBytes(body), type);
            } catch (ScimException | com.fasterxml.jackson.core.JsonProcessingException unreadable) {
                continue;
            }
            ResourceValidator validator = VALIDATORS.get(random.nextInt(VALIDATORS.size()));
            boolean create = random.nextBoolean();
            String context = "run " + run + " body " + body;
            ScimResource result;
            try {
                result = create ? validator.validateForCreate(resource, type) : validator.validateStored(resource, type);
            } catch (ScimException refused) {
                assertThat(refused.status()).as(context).isEqualTo(400);
                assertThat(refused.scimType()).as(context).isPresent();
                assertThat(refused.detail()).as(context).isNotBlank();
                rejected++;
                continue;
            }
            passed++;
            if (create) {
                assertThat(validator.validateForCreate(result, type)).as(context).isEqualTo(result);
            }
            assertThat(validator.validateStored(result, type)).as(context).isEqualTo(result);
            ScimResource reread = CODEC.read(CODEC.write(result), type);
            assertThat(validator.validateStored(reread, type)).as(context).isEqualTo(result);
            checkProjection(result, type, random, context);
        }
        // Guards against a generator that only ever produces one outcome.
        assertThat(passed).isGreaterThan(RUNS / 10);
        assertThat(rejected).isGreaterThan(RUNS / 10);
    }

    private static void checkProjection(ScimResource resource, ResourceType type, Random random, String context) {
        String names = random.nextBoolean() ? null : randomNames(random);
        boolean exclude = random.nextBoolean();
        Projection projection;
        try {
            projection = exclude ? Projection.of(REGISTRY, type, null, names) : Projection.of(REGISTRY, type, names, null);
        } catch (ScimException malformed) {
            assertThat(malformed.status()).isEqualTo(400);
            return;
        }
        Set<AttributePath> modified = random.nextBoolean() ? Set.of() : Set.of(AttributePath.of("displayName"));
        ScimResource projected = projection.apply(resource, modified);
        assertThat(projection.apply(projected, modified)).as(context + " " + projection).isEqualTo(projected);
        assertThat(projected.body().attributes().keySet()).as(context).isSubsetOf(resource.body().attributes().keySet());
        assertThat(projected.id()).isEqualTo(resource.id());
        assertThat(projected.schemas()).isEqualTo(resource.schemas());
        assertThat(ResourceFixtures.tree(projected).toString()).doesNotContain("t1meMasheen");
    }

    private static String randomNames(Random random) {
        List<String> names = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            String name = USER_NAMES[random.nextInt(USER_NAMES.length)];
            if (random.nextBoolean()) {
                name = name + "." + SUB_NAMES[random.nextInt(SUB_NAMES.length)];
            }
            names.add(name);
        }
        return String.join(",", names);
    }

    private static final ObjectNode BJENSEN = goldenTree("bjensen-enterprise-user.json");
    private static final ObjectNode ENTRA_USER = goldenTree("entra-create-user.json");
    private static final ObjectNode TOUR_GUIDES = goldenTree("tour-guides-group.json");

    private static ObjectNode seedUser(Random random) {
        return (random.nextBoolean() ? BJENSEN : ENTRA_USER).deepCopy();
    }

    private static ObjectNode seedGroup(Random random) {
        return TOUR_GUIDES.deepCopy();
    }

    /** One random change: drop, add, retype or nest something, somewhere. */
    private static void mutate(ObjectNode body, Random random) {
        ObjectNode target = pickObject(body, random);
        switch (random.nextInt(5)) {
            case 0 -> {
                List<String> names = new ArrayList<>();
                target.fieldNames().forEachRemaining(names::add);
                if (!names.isEmpty()) {
                    target.remove(names.get(random.nextInt(names.size())));
                }
            }
            case 1 -> target.set(target == body ? USER_NAMES[random.nextInt(USER_NAMES.length)]
                    : SUB_NAMES[random.nextInt(SUB_NAMES.length)], randomValue(random, 2));
            case 2 -> {
                List<String> names = new ArrayList<>();
                target.fieldNames().forEachRemaining(names::add);
                if (!names.isEmpty()) {
                    target.set(names.get(random.nextInt(names.size())), randomValue(random, 2));
                }
            }
            case 3 -> target.set("primary", NODES.booleanNode(true));
            default -> target.putNull(USER_NAMES[random.nextInt(USER_NAMES.length)]);
        }
    }

    /** The body itself or an object somewhere inside it. */
    private static ObjectNode pickObject(ObjectNode body, Random random) {
        List<ObjectNode> objects = new ArrayList<>();
        collect(body, objects);
        return objects.get(random.nextInt(objects.size()));
    }

    private static void collect(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            collect(it.next(), objects);
        }
    }

    private static JsonNode randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 0 ? 8 : 5);
        return switch (kind) {
            case 0 -> NODES.textNode(STRINGS[random.nextInt(STRINGS.length)]);
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> random.nextBoolean() ? NODES.numberNode(random.nextInt(100)) : NODES.numberNode(1.5);
            case 3 -> NODES.nullNode();
            case 4 -> NODES.textNode("x" + random.nextInt(10));
            case 5, 6 -> {
                ObjectNode object = NODES.objectNode();
                int size = random.nextInt(3);
                for (int i = 0; i < size; i++) {
                    object.set(SUB_NAMES[random.nextInt(SUB_NAMES.length)], randomValue(random, depth - 1));
                }
                yield object;
            }
            default -> {
                ArrayNode array = NODES.arrayNode();
                int size = random.nextInt(3);
                for (int i = 0; i < size; i++) {
                    array.add(randomValue(random, depth - 1));
                }
                yield array;
            }
        };
    }
}
