package io.scimkit.core.codec;

import static io.scimkit.core.codec.CodecFixtures.CODEC;
import static io.scimkit.core.codec.CodecFixtures.MAPPER;
import static io.scimkit.core.codec.CodecFixtures.USER;
import static io.scimkit.core.codec.CodecFixtures.bytes;
import static io.scimkit.core.codec.CodecFixtures.names;
import static io.scimkit.core.codec.CodecFixtures.tree;
import static io.scimkit.core.codec.CodecFixtures.withoutUnassigned;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.CoreSchemas;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Round-trip fidelity on seeded random User bodies (Entra re-sends whatever comes back
 * different): random attribute subsets, strings with non-ASCII, escapes and control characters,
 * numbers with exact scales, nulls and empty arrays, unknown members, and names in random case.
 */
class ResourceCodecRoundTripTest {
    private static final long SEED = 0x5C1A_C0DEL;
    private static final int BODIES = 300;
    /** Prefix of generated unknown member names, which keep their case on reading. */
    private static final String UNKNOWN = "x-";

    @Test
    void writtenOutputEqualsTheInputLessUnassignedMembers() {
        Random random = new Random(SEED);
        for (int i = 0; i < BODIES; i++) {
            ObjectNode body = new UserBodies(random).user();
            JsonNode expected = withoutUnassigned(tree(bytes(body)));

            byte[] written = CODEC.write(CODEC.read(bytes(body), USER));

            assertThat(tree(written)).as("body %d: %s", i, body).isEqualTo(expected);
            assertThat(names(tree(written))).first().as("body %d", i).isEqualTo("schemas");
        }
    }

    @Test
    void caseMangledNamesReadAsTheCanonicalBody() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < BODIES; i++) {
            ObjectNode body = new UserBodies(random).user();
            JsonNode mangled = mangle(body, random);

            ScimResource fromMangled = CODEC.read(bytes(mangled), USER);

            assertThat(fromMangled).as("body %d: %s", i, mangled).isEqualTo(CODEC.read(bytes(body), USER));
            assertThat(tree(CODEC.write(fromMangled))).as("body %d", i).isEqualTo(withoutUnassigned(tree(bytes(body))));
        }
    }

    @Test
    void readingTheOutputGivesTheSameResourceAndTheSameBytes() {
        Random random = new Random(SEED + 2);
        for (int i = 0; i < BODIES; i++) {
            ObjectNode body = new UserBodies(random).user();
            ScimResource first = CODEC.read(bytes(body), USER);

            byte[] written = CODEC.write(first);
            ScimResource second = CODEC.read(written, USER);

            assertThat(second).as("body %d: %s", i, body)
                    .isEqualTo(CODEC.read(bytes(withoutUnassigned(body)), USER));
            assertThat(CODEC.write(second)).as("body %d", i).isEqualTo(written);
        }
    }

    /** A copy with every schema-defined member name (not the unknown ones) in random case. */
    private static JsonNode mangle(JsonNode node, Random random) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = MAPPER.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                String name = member.getKey();
                copy.set(name.startsWith(UNKNOWN) ? name : randomCase(name, random), mangle(member.getValue(), random));
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = MAPPER.createArrayNode();
            array.forEach(element -> copy.add(mangle(element, random)));
            return copy;
        }
        return node;
    }

    private static String randomCase(String name, Random random) {
        StringBuilder out = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            out.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return out.toString();
    }

    /** Generates one random, well-formed User body as a databind tree. */
    private static final class UserBodies {
        private static final String[] SNIPPETS = {
            "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\r", "\b", "\f", "\u0001", "\u001f", "\u007f",
            "é", "ß", "Ñ", "日本", "한", "\u2028", "\u2029", "\uFEFF", "😀", "𝄞", "<script>", "&amp;",
            "bjensen@example.com", "True", "null", "2010-01-23T04:56:22Z",
        };
        private final Random random;

        UserBodies(Random random) {
            this.random = random;
        }

        ObjectNode user() {
            ObjectNode body = MAPPER.createObjectNode();
            boolean enterprise = random.nextBoolean();
            ArrayNode schemas = body.putArray("schemas").add(CoreSchemas.USER_URN);
            if (enterprise) {
                schemas.add(CoreSchemas.ENTERPRISE_USER_URN);
            }
            maybe(() -> body.put("id", string()));
            maybe(() -> body.put("externalId", string()));
            body.put("userName", string());
            maybe(() -> body.set("name", name()));
            maybe(() -> body.put("displayName", string()));
            maybe(() -> body.put("nickName", string()));
            maybe(() -> body.put("title", string()));
            maybe(() -> body.put("active", random.nextBoolean()));
            maybe(() -> body.put("profileUrl", "https://example.com/" + string()));
            maybe(() -> body.set("emails", multi("value", "type", "primary", "display")));
            maybe(() -> body.set("phoneNumbers", multi("value", "type", "primary")));
            maybe(() -> body.set("roles", multi("value", "type", "primary", "display")));
            maybe(() -> body.set("addresses", multi("formatted", "streetAddress", "locality", "region",
                    "postalCode", "country", "type", "primary")));
            maybe(() -> body.set("meta", meta()));
            maybe(() -> body.putNull("nickName"));
            maybe(() -> body.putArray("entitlements"));
            for (int n = random.nextInt(3); n > 0; n--) {
                body.set(UNKNOWN + random.nextInt(1000), anyValue(3));
            }
            if (enterprise) {
                ObjectNode extension = body.putObject(CoreSchemas.ENTERPRISE_USER_URN);
                maybe(() -> extension.put("employeeNumber", string()));
                maybe(() -> extension.put("department", string()));
                maybe(() -> extension.putNull("costCenter"));
                maybe(() -> extension.putObject("manager").put("value", string()).put("$ref", "../Users/" + string()));
            }
            return body;
        }

        private ObjectNode name() {
            ObjectNode name = MAPPER.createObjectNode();
            for (String part : new String[] {"formatted", "familyName", "givenName", "middleName", "honorificPrefix"}) {
                maybe(() -> name.put(part, string()));
            }
            return name;
        }

        private ArrayNode multi(String... subAttributes) {
            ArrayNode elements = MAPPER.createArrayNode();
            for (int n = random.nextInt(4); n > 0; n--) {
                ObjectNode element = elements.addObject();
                for (String sub : subAttributes) {
                    if (sub.equals("primary")) {
                        maybe(() -> element.put(sub, random.nextBoolean()));
                    } else {
                        maybe(() -> element.put(sub, string()));
                    }
                }
                if (java.util.List.of(subAttributes).contains("display")) {
                    maybe(() -> element.putNull("display"));
                }
            }
            return elements;
        }

        private ObjectNode meta() {
            ObjectNode meta = MAPPER.createObjectNode();
            maybe(() -> meta.put("resourceType", "User"));
            maybe(() -> meta.put("created", dateTime()));
            maybe(() -> meta.put("lastModified", dateTime()));
            maybe(() -> meta.put("version", "W/\"" + Integer.toHexString(random.nextInt()) + "\""));
            maybe(() -> meta.put("location", "https://example.com/v2/Users/" + string()));
            return meta;
        }

        private String dateTime() {
            String[] forms = {"2010-01-23T04:56:22Z", "2010-01-23T04:56:22.000Z", "2011-05-13T04:42:34.123+02:00",
                "2011-05-13T04:42:34", "2011-05-13T04:42:34.5-08:00", "2011-05-13", "not a date"};
            return forms[random.nextInt(forms.length)];
        }

        private JsonNode anyValue(int depth) {
            int kind = random.nextInt(depth > 0 ? 9 : 7);
            return switch (kind) {
                case 0 -> MAPPER.getNodeFactory().textNode(string());
                case 1 -> MAPPER.getNodeFactory().numberNode(random.nextLong());
                case 2 -> MAPPER.getNodeFactory().numberNode(new BigDecimal(
                        BigInteger.valueOf(random.nextInt(1_000_000) - 500_000), random.nextInt(12) - 3));
                case 3 -> MAPPER.getNodeFactory().numberNode(
                        BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.valueOf(1 + random.nextInt(1000))));
                case 4 -> MAPPER.getNodeFactory().booleanNode(random.nextBoolean());
                case 5 -> MAPPER.getNodeFactory().nullNode();
                case 6 -> MAPPER.getNodeFactory().textNode(dateTime());
                case 7 -> {
                    ArrayNode array = MAPPER.createArrayNode();
                    for (int n = random.nextInt(4); n > 0; n--) {
                        array.add(anyValue(depth - 1));
                    }
                    yield array;
                }
                default -> {
                    ObjectNode object = MAPPER.createObjectNode();
                    for (int n = random.nextInt(4); n > 0; n--) {
                        object.set(UNKNOWN + random.nextInt(100), anyValue(depth - 1));
                    }
                    yield object;
                }
            };
        }

        private String string() {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(6); n > 0; n--) {
                text.append(SNIPPETS[random.nextInt(SNIPPETS.length)]);
            }
            if (random.nextInt(4) == 0) {
                // any code point but a lone surrogate, which no SCIM string holds (StorableText)
                int codePoint = 0x80 + random.nextInt(0x10FFFF - 0x80 - 0x800);
                codePoint += codePoint >= Character.MIN_SURROGATE ? 0x800 : 0;
                text.append(new String(Character.toChars(codePoint)).toUpperCase(Locale.ROOT));
            }
            return text.toString();
        }

        private void maybe(Runnable action) {
            if (random.nextBoolean()) {
                action.run();
            }
        }
    }
}
