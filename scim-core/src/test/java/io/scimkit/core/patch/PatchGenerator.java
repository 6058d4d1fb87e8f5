package io.scimkit.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.CoreSchemas;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random valid Users and Groups, and random PATCH requests against them: ops in and out of
 * the RFC's spelling, paths that are valid, unknown, malformed, filtered, sub-attributed or
 * URN-qualified, and values of the right and wrong types. Not thread-safe (one Random).
 */
final class PatchGenerator {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String E = CoreSchemas.ENTERPRISE_USER_URN;
    private static final String[] OPS = {"add", "add", "replace", "replace", "remove", "remove", "Add", "REPLACE",
        "Remove", "delete", ""};
    private static final String[] TYPES = {"work", "home", "other"};
    private static final String[] MEMBERS = {"u1", "u2", "u3", "u4"};
    private static final String[] USER_PATHS = {"userName", "nickName", "displayName", "title", "active", "name",
        "name.givenName", "name.familyName", "name.nick", "emails", "emails.value", "emails.type", "emails.primary",
        "emails[type eq \"work\"]", "emails[type eq \"work\"].value", "emails[type eq \"home\"].primary",
        "emails[type eq \"other\" and value ew \"x.org\"]", "emails[type co \"o\"].display", "emails[value pr]",
        "emails[primary eq true].type", "emails[type eq \"work\" or type eq \"home\"].value",
        "phoneNumbers[type eq \"mobile\"].value", "addresses[type eq \"work\"].locality", "addresses",
        "x509Certificates", "ims", "roles[value eq \"r1\"]", "password", "locale", "profileUrl",
        "id", "meta", "meta.created", "groups", "schemas", "externalId",
        E, E + ":employeeNumber", E + ":manager", E + ":manager.value", E + ":manager.displayName",
        E + ":department", E + ":shoeSize", "urn:example:unknown:1.0:User:x", "shoeSize", "name.givenName.x",
        "emails[type eq]", "emails[", "[type eq \"x\"]", "emails]", "name..x", "", " ", "emails[type eq \"work\"]x",
        "emails[nested[x eq 1]]", "userName.value", "name[givenName eq \"a\"]"};
    private static final String[] GROUP_PATHS = {"displayName", "members", "members.value", "members.type",
        "members.display", "members[value eq \"u1\"]", "members[value eq \"u2\"].display",
        "members[value eq \"u9\"].type", "members[type eq \"User\"]", "members[value sw \"u\"]", "members[$ref pr]",
        "members[value eq \"u1\" and type eq \"User\"].display", "id", "meta.version", "externalId", "shoeSize",
        "members[", "members[value eq \"u1\"].nope", "schemas", "urn:ietf:params:scim:schemas:core:2.0:Group:displayName"};
    private static final String[] KEYS = {"userName", "nickName", "title", "active", "name", "emails", "displayName",
        "members", "id", "meta", "schemas", "groups", "NickName", "shoeSize", "name.givenName", E, E + ":department",
        "urn:example:unknown:1.0:User", "value", "type", "primary", "display", "givenName", "employeeNumber",
        "manager", "department", "$ref", "password", "externalId"};

    private final Random random;

    PatchGenerator(long seed) {
        this.random = new Random(seed);
    }

    boolean nextBoolean() {
        return random.nextBoolean();
    }

    ScimResource user() {
        ObjectNode user = NODES.objectNode();
        ArrayNode schemas = user.putArray("schemas").add(CoreSchemas.USER_URN);
        user.put("id", "id" + random.nextInt(100));
        user.put("userName", "user" + random.nextInt(1000));
        maybe(() -> user.put("nickName", word()));
        maybe(() -> user.put("active", random.nextBoolean()));
        maybe(() -> user.putObject("name").put("givenName", word()).put("familyName", word()));
        maybe(() -> user.set("emails", multi("value", true)));
        maybe(() -> user.set("phoneNumbers", multi("value", false)));
        maybe(() -> user.putArray("groups").addObject().put("value", "g1").put("display", "G"));
        maybe(() -> user.putObject("meta").put("resourceType", "User").put("created", "2024-01-01T00:00:00Z"));
        if (random.nextBoolean()) {
            schemas.add(E);
            ObjectNode enterprise = user.putObject(E);
            enterprise.put("employeeNumber", String.valueOf(random.nextInt(999)));
            maybe(() -> enterprise.putObject("manager").put("value", "m1").put("displayName", "Boss"));
        }
        return PatchJson.resource(user, PatchJson.USER);
    }

    ScimResource group() {
        ObjectNode group = NODES.objectNode();
        group.putArray("schemas").add(CoreSchemas.GROUP_URN);
        group.put("id", "g" + random.nextInt(100));
        group.put("displayName", word());
        if (random.nextBoolean()) {
            ArrayNode members = group.putArray("members");
            for (String member : MEMBERS) {
                if (random.nextBoolean()) {
                    ObjectNode element = members.addObject().put("value", member);
                    maybe(() -> element.put("type", "User"));
                    maybe(() -> element.put("display", word()));
                }
            }
            if (members.isEmpty()) {
                group.remove("members");
            }
        }
        return PatchJson.resource(group, PatchJson.GROUP);
    }

    PatchRequest request(boolean group) {
        List<PatchOperation> operations = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            if (random.nextInt(3) > 0) {
                operations.add(group ? plausibleGroupOperation() : plausibleUserOperation());
                continue;
            }
            String op = OPS[random.nextInt(OPS.length)];
            String[] paths = group ? GROUP_PATHS : USER_PATHS;
            String path = random.nextInt(5) == 0 ? null : paths[random.nextInt(paths.length)];
            JsonNode value = random.nextInt(6) == 0 ? null : value(path == null ? 3 : 2);
            operations.add(new PatchOperation(op, path, value == null ? null : PatchJson.value(value)));
        }
        return PatchRequest.of(operations);
    }

    /** A well-formed operation of the kind real clients send, so that many requests succeed. */
    private PatchOperation plausibleUserOperation() {
        String type = TYPES[random.nextInt(TYPES.length)];
        String filter = "emails[type eq \"" + type + "\"]";
        return switch (random.nextInt(12)) {
            case 0 -> operation("replace", "nickName", NODES.textNode(word()));
            case 1 -> operation("add", "emails", NODES.arrayNode().add(element()));
            case 2 -> operation(random.nextBoolean() ? "add" : "replace", filter + ".value", NODES.textNode(word() + "@x.org"));
            case 3 -> operation("replace", filter + ".primary", NODES.booleanNode(random.nextBoolean()));
            case 4 -> operation("remove", random.nextBoolean() ? filter : "emails", null);
            case 5 -> operation("replace", "name", NODES.objectNode().put("givenName", word()));
            case 6 -> operation("remove", random.nextBoolean() ? "nickName" : E, null);
            case 7 -> operation("add", E + ":employeeNumber", NODES.textNode(word()));
            case 8 -> operation("replace", null, NODES.objectNode().put("nickName", word()).put("active", random.nextBoolean()));
            case 9 -> operation("replace", E + ":manager", NODES.objectNode().put("value", word()));
            case 10 -> operation("add", "phoneNumbers[type eq \"mobile\"].value", NODES.textNode("+1 555"));
            default -> operation("replace", "emails", NODES.arrayNode().add(element()).add(element()));
        };
    }

    private PatchOperation plausibleGroupOperation() {
        String member = MEMBERS[random.nextInt(MEMBERS.length)];
        ArrayNode list = NODES.arrayNode();
        list.addObject().put("value", member);
        return switch (random.nextInt(7)) {
            case 0, 1 -> operation("add", "members", list);
            case 2 -> operation("remove", "members[value eq \"" + member + "\"]", null);
            case 3 -> operation("remove", "members", list);
            case 4 -> operation("replace", "members", list);
            case 5 -> operation("replace", "displayName", NODES.textNode(word()));
            default -> operation("add", "members[value eq \"" + member + "\"].display", NODES.textNode(word()));
        };
    }

    private static PatchOperation operation(String op, String path, JsonNode value) {
        return new PatchOperation(op, path, value == null ? null : PatchJson.value(value));
    }

    private JsonNode value(int depth) {
        int kind = random.nextInt(depth > 0 ? 10 : 7);
        return switch (kind) {
            case 0, 1 -> NODES.textNode(random.nextBoolean() ? word() : TYPES[random.nextInt(TYPES.length)]);
            case 2 -> NODES.booleanNode(random.nextBoolean());
            case 3 -> NODES.numberNode(random.nextInt(50) - 10);
            case 4 -> NODES.numberNode(new BigDecimal("1.5"));
            case 5 -> NODES.nullNode();
            case 6 -> NODES.textNode(random.nextBoolean() ? "2024-05-01T00:00:00Z" : "u" + (1 + random.nextInt(4)));
            case 7 -> {
                ArrayNode array = NODES.arrayNode();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    array.add(random.nextInt(3) == 0 ? value(depth - 1) : element());
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    String key = KEYS[random.nextInt(KEYS.length)];
                    boolean taken = false;
                    for (java.util.Iterator<String> names = object.fieldNames(); names.hasNext();) {
                        taken |= names.next().equalsIgnoreCase(key);
                    }
                    if (!taken) {
                        object.set(key, random.nextBoolean() ? element() : value(depth - 1));
                    }
                }
                yield object;
            }
        };
    }

    /** A plausible element of a multi-valued attribute. */
    private ObjectNode element() {
        ObjectNode element = NODES.objectNode();
        element.put("value", random.nextBoolean() ? MEMBERS[random.nextInt(MEMBERS.length)] : word() + "@x.org");
        maybe(() -> element.put("type", TYPES[random.nextInt(TYPES.length)]));
        maybe(() -> element.put("primary", random.nextBoolean()));
        maybe(() -> element.put("display", word()));
        if (random.nextInt(8) == 0) {
            element.putNull("$ref");
        }
        return element;
    }

    private ArrayNode multi(String valueName, boolean withPrimary) {
        ArrayNode array = NODES.arrayNode();
        int size = 1 + random.nextInt(3);
        int primary = withPrimary ? random.nextInt(size + 1) : -1;
        for (int i = 0; i < size; i++) {
            ObjectNode element = array.addObject().put(valueName, word() + i + "@x.org").put("type", TYPES[i]);
            if (i == primary) {
                element.put("primary", true);
            }
        }
        return array;
    }

    private String word() {
        String[] words = {"Babs", "Alice", "bob", "Work", "x", "Jensen", "ünïcödé", "a b"};
        return words[random.nextInt(words.length)];
    }

    private void maybe(Runnable action) {
        if (random.nextBoolean()) {
            action.run();
        }
    }
}
