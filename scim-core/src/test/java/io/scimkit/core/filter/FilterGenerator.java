package io.scimkit.core.filter;

import io.scimkit.core.path.AttributePath;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.DecimalValue;
import io.scimkit.core.value.IntegerValue;
import io.scimkit.core.value.NullValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;

/**
 * Random filter ASTs for property tests, driven by a seeded {@link Random} so that every run sees
 * the same cases. Covers every node kind, nested logic, value paths with nested logic (but never a
 * value path inside another), schema-URN paths, {@code $ref}, names spelled like keywords, strings
 * with quotes, backslashes, control characters, non-ASCII text and surrogate pairs, integers up to
 * the long limits, decimals with any scale, booleans and null.
 */
final class FilterGenerator {
    private static final List<String> NAMES = List.of("userName", "emails", "name", "title", "active",
            "meta", "members", "value", "type", "primary", "$ref", "displayName", "x", "not", "and", "or", "pr",
            "eq", "true", "null", "a-b_c$1");
    private static final List<String> URNS = List.of("urn:ietf:params:scim:schemas:core:2.0:User",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
            "urn:ietf:params:scim:schemas:core:2.0:Group", "urn:example:my-ext.v1:Thing", "a", "urn:x:1.0.2");
    private static final String NAME_START = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String NAME_REST = NAME_START + "0123456789-_$";
    private static final String ASCII_NASTY = "\"\\/'()[] \tandornot:.eq$";

    private final Random random;

    FilterGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** A random filter whose logical nesting is at most {@code depth} levels. */
    Filter filter(int depth) {
        return node(depth, null);
    }

    private Filter node(int depth, AttributePath parent) {
        int choice = random.nextInt(depth <= 0 ? 3 : 10);
        return switch (choice) {
            case 0, 1 -> comparison(parent);
            case 2 -> Filter.present(path(parent));
            case 3, 4 -> Filter.and(node(depth - 1, parent), node(depth - 1, parent));
            case 5, 6 -> Filter.or(node(depth - 1, parent), node(depth - 1, parent));
            case 7 -> Filter.not(node(depth - 1, parent));
            default -> parent == null ? valuePath(depth) : comparison(parent);
        };
    }

    private Filter valuePath(int depth) {
        AttributePath path = path(null).parent();
        return Filter.valuePath(path, node(depth - 1, path));
    }

    private Filter comparison(AttributePath parent) {
        CompareOp op = CompareOp.values()[random.nextInt(CompareOp.values().length)];
        return Filter.compare(path(parent), op, literal());
    }

    /** A path; inside a value filter ({@code parent} set) a plain sub-attribute name. */
    private AttributePath path(AttributePath parent) {
        if (parent != null) {
            return AttributePath.of(name());
        }
        String urn = random.nextInt(4) == 0 ? URNS.get(random.nextInt(URNS.size())) : null;
        String sub = random.nextInt(3) == 0 ? name() : null;
        return new AttributePath(urn, name(), sub);
    }

    private String name() {
        if (random.nextBoolean()) {
            return NAMES.get(random.nextInt(NAMES.size()));
        }
        StringBuilder name = new StringBuilder();
        name.append(NAME_START.charAt(random.nextInt(NAME_START.length())));
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            name.append(NAME_REST.charAt(random.nextInt(NAME_REST.length())));
        }
        return name.toString();
    }

    ScimValue literal() {
        return switch (random.nextInt(8)) {
            case 0, 1, 2 -> StringValue.of(string());
            case 3 -> IntegerValue.of(integer());
            case 4, 5 -> DecimalValue.of(decimal());
            case 6 -> BooleanValue.of(random.nextBoolean());
            default -> NullValue.INSTANCE;
        };
    }

    private long integer() {
        return switch (random.nextInt(5)) {
            case 0 -> Long.MIN_VALUE;
            case 1 -> Long.MAX_VALUE;
            case 2 -> random.nextInt(21) - 10;
            default -> random.nextLong();
        };
    }

    private BigDecimal decimal() {
        BigInteger unscaled = new BigInteger(1 + random.nextInt(100), random);
        if (random.nextBoolean()) {
            unscaled = unscaled.negate();
        }
        int scale = random.nextInt(5) == 0 ? random.nextInt(2001) - 1000 : random.nextInt(21) - 10;
        return new BigDecimal(unscaled, scale);
    }

    private String string() {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> text.append(ASCII_NASTY.charAt(random.nextInt(ASCII_NASTY.length())));
                // a control character, but never U+0000: no SCIM string holds it (StorableText)
                case 1 -> text.append((char) (1 + random.nextInt(0x1F)));
                case 2 -> text.append((char) (0xA0 + random.nextInt(0xD7FF - 0xA0)));
                case 3 -> text.appendCodePoint(0x10000 + random.nextInt(0x10FFFF - 0x10000));
                case 4 -> text.append((char) (0xE000 + random.nextInt(0x2000)));
                default -> text.append((char) (0x20 + random.nextInt(0x5F)));
            }
        }
        return text.toString();
    }

    /**
     * Rewrites a rendered filter without changing its meaning: ASCII letters outside string
     * literals get random case (P-FLT-04..06, K-17) and each space becomes one to three spaces or
     * tabs (K-09).
     */
    String mangle(String rendered) {
        StringBuilder out = new StringBuilder(rendered.length() + 16);
        boolean inString = false;
        for (int i = 0; i < rendered.length(); i++) {
            char c = rendered.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\') {
                    out.append(rendered.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (c == ' ') {
                int count = 1 + random.nextInt(3);
                for (int k = 0; k < count; k++) {
                    out.append(random.nextBoolean() ? ' ' : '\t');
                }
            } else if (Character.isLetter(c) && c < 0x80) {
                out.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
