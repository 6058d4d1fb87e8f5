package io.scimkit.testkit.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.scimkit.testkit.target.Credentials;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads one scenario from its JSON text, in the format the package documentation describes.
 * Unknown keys are errors (a typo must not silently drop a check); keys starting with {@code _} are
 * comments.
 */
final class ScenarioReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String source;

    private ScenarioReader(String source) {
        this.source = source;
    }

    /**
     * The scenario in this JSON text.
     *
     * @param source where the text came from, for messages and {@link Scenario#source()}
     * @throws ScenarioFormatException if the text is not JSON or not a valid scenario
     */
    static Scenario read(String source, String json) {
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (JsonProcessingException malformed) {
            throw new ScenarioFormatException(source + ": not JSON: " + malformed.getOriginalMessage(), malformed);
        }
        try {
            return new ScenarioReader(source).scenario(tree);
        } catch (IllegalArgumentException invalid) {
            throw new ScenarioFormatException(source + ": " + invalid.getMessage(), invalid);
        }
    }

    private Scenario scenario(JsonNode node) {
        object(node, "scenario", Set.of("name", "description", "dialects", "tags", "steps"));
        String name = text(node, "name", "scenario");
        String where = "scenario '" + name + "'";
        Set<Dialect> dialects = dialects(node.get("dialects"), where);
        if (dialects.isEmpty()) {
            dialects = EnumSet.allOf(Dialect.class);
        }
        List<Step> steps = new ArrayList<>();
        JsonNode stepNodes = required(node, "steps", where);
        array(stepNodes, where + ": steps");
        for (JsonNode step : stepNodes) {
            steps.add(step(step, where));
        }
        return new Scenario(name, optionalText(node, "description", ""), dialects, strings(node.get("tags"), where + ": tags"),
                steps, source);
    }

    private Step step(JsonNode node, String scenario) {
        object(node, scenario + ": step", Set.of("name", "dialects", "method", "path", "query", "headers", "body",
                "rawBody", "credentials", "repeat", "parallel", "capture", "expect", "checks"));
        String name = text(node, "name", scenario + ": step");
        String where = scenario + ", step '" + name + "'";
        RequestTemplate request = request(node, where, null);
        int repeat = node.has("repeat") ? integer(node.get("repeat"), where + ": repeat") : 1;
        boolean parallel = node.has("parallel") && bool(node.get("parallel"), where + ": parallel");
        List<Capture> captures = new ArrayList<>();
        JsonNode capture = node.get("capture");
        if (capture != null) {
            object(capture, where + ": capture", null);
            for (Iterator<Map.Entry<String, JsonNode>> fields = capture.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                captures.add(new Capture(TextTemplate.of(field.getKey()), textValue(field.getValue(),
                        where + ": capture " + field.getKey())));
            }
        }
        Expectation expect = expectation(required(node, "expect", where), where + ": expect");
        List<Check> checks = new ArrayList<>();
        JsonNode checkNodes = node.get("checks");
        if (checkNodes != null) {
            array(checkNodes, where + ": checks");
            int index = 0;
            for (JsonNode check : checkNodes) {
                checks.add(check(check, where + ": check " + (++index)));
            }
        }
        return new Step(name, dialects(node.get("dialects"), where), request, repeat, parallel, captures, expect, checks);
    }

    private Check check(JsonNode node, String where) {
        object(node, where, Set.of("method", "path", "query", "headers", "body", "rawBody", "credentials", "expect"));
        RequestTemplate request = request(node, where, "GET");
        JsonNode expect = node.get("expect");
        return new Check(request, expect == null ? Expectation.ok() : expectation(expect, where + ": expect"));
    }

    private RequestTemplate request(JsonNode node, String where, @Nullable String defaultMethod) {
        String method = defaultMethod == null ? text(node, "method", where) : optionalText(node, "method", defaultMethod);
        TextTemplate path = TextTemplate.of(text(node, "path", where));
        Map<String, TextTemplate> query = templates(node.get("query"), where + ": query");
        Map<String, TextTemplate> headers = templates(node.get("headers"), where + ": headers");
        JsonNode body = node.get("body");
        JsonNode rawBody = node.get("rawBody");
        Credentials credentials = Credentials.VALID;
        if (node.has("credentials")) {
            String value = textValue(node.get("credentials"), where + ": credentials");
            try {
                credentials = Credentials.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException(where + ": credentials is valid, wrong or none, not '" + value + "'");
            }
        }
        return new RequestTemplate(method, path, query, headers, body == null ? null : JsonTemplate.of(body),
                rawBody == null ? null : TextTemplate.of(textValue(rawBody, where + ": rawBody")), credentials);
    }

    private Expectation expectation(JsonNode node, String where) {
        object(node, where, Set.of("status", "contentType", "assertions", "because"));
        JsonNode statusNode = required(node, "status", where);
        List<Integer> status = new ArrayList<>();
        if (statusNode.isArray()) {
            statusNode.forEach(code -> status.add(integer(code, where + ": status")));
        } else {
            status.add(integer(statusNode, where + ": status"));
        }
        String contentType = Expectation.SCIM_JSON;
        if (node.has("contentType")) {
            JsonNode type = node.get("contentType");
            contentType = type.isNull() ? null : textValue(type, where + ": contentType");
        }
        List<JsonAssertion> assertions = new ArrayList<>();
        JsonNode assertionNodes = node.get("assertions");
        if (assertionNodes != null) {
            array(assertionNodes, where + ": assertions");
            int index = 0;
            for (JsonNode assertion : assertionNodes) {
                assertions.add(assertion(assertion, where + ": assertion " + (++index)));
            }
        }
        return new Expectation(status, contentType, assertions, optionalText(node, "because", null));
    }

    private JsonAssertion assertion(JsonNode node, String where) {
        Set<String> kinds = new LinkedHashSet<>();
        for (JsonAssertion.Kind kind : JsonAssertion.Kind.values()) {
            kinds.add(kind.key());
        }
        Set<String> known = new LinkedHashSet<>(kinds);
        known.add("path");
        known.add("because");
        object(node, where, known);
        String path = text(node, "path", where);
        String because = optionalText(node, "because", null);
        JsonAssertion found = null;
        for (JsonAssertion.Kind kind : JsonAssertion.Kind.values()) {
            JsonNode value = node.get(kind.key());
            if (value == null) {
                continue;
            }
            if (found != null) {
                throw new IllegalArgumentException(where + ": one check per assertion, found " + found.kind().key()
                        + " and " + kind.key());
            }
            found = switch (kind) {
                case EXISTS -> new JsonAssertion(path, bool(value, where) ? JsonAssertion.Kind.EXISTS
                        : JsonAssertion.Kind.ABSENT, null, because);
                case ABSENT -> new JsonAssertion(path, bool(value, where) ? JsonAssertion.Kind.ABSENT
                        : JsonAssertion.Kind.EXISTS, null, because);
                case SIZE -> new JsonAssertion(path, kind,
                        JsonTemplate.of(JsonNodeFactory.instance.numberNode(integer(value, where + ": size"))), because);
                case MATCHES -> new JsonAssertion(path, kind, JsonTemplate.of(
                        JsonNodeFactory.instance.textNode(textValue(value, where + ": matches"))), because);
                default -> new JsonAssertion(path, kind, JsonTemplate.of(value), because);
            };
        }
        if (found == null) {
            throw new IllegalArgumentException(where + ": needs one of " + kinds);
        }
        return found;
    }

    private Set<Dialect> dialects(@Nullable JsonNode node, String where) {
        Set<Dialect> dialects = EnumSet.noneOf(Dialect.class);
        for (String name : strings(node, where + ": dialects")) {
            dialects.add(Dialect.named(name));
        }
        return dialects;
    }

    private static Map<String, TextTemplate> templates(@Nullable JsonNode node, String where) {
        Map<String, TextTemplate> templates = new LinkedHashMap<>();
        if (node != null) {
            object(node, where, null);
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                templates.put(field.getKey(), TextTemplate.of(textValue(field.getValue(), where + " " + field.getKey())));
            }
        }
        return templates;
    }

    private static Set<String> strings(@Nullable JsonNode node, String where) {
        Set<String> values = new LinkedHashSet<>();
        if (node != null) {
            array(node, where);
            node.forEach(value -> values.add(textValue(value, where)));
        }
        return values;
    }

    private static void object(JsonNode node, String where, @Nullable Set<String> known) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " is a JSON object");
        }
        if (known != null) {
            node.fieldNames().forEachRemaining(key -> {
                if (!known.contains(key) && !key.startsWith("_")) {
                    throw new IllegalArgumentException(where + ": unknown key '" + key + "' (known: " + known + ")");
                }
            });
        }
    }

    private static void array(JsonNode node, String where) {
        if (!node.isArray()) {
            throw new IllegalArgumentException(where + " is a JSON array");
        }
    }

    private static JsonNode required(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(where + ": '" + key + "' is required");
        }
        return value;
    }

    private static String text(JsonNode node, String key, String where) {
        return textValue(required(node, key, where), where + ": " + key);
    }

    private static @Nullable String optionalText(JsonNode node, String key, @Nullable String fallback) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? fallback : textValue(value, key);
    }

    private static String textValue(JsonNode node, String where) {
        if (!node.isTextual()) {
            throw new IllegalArgumentException(where + " is a string");
        }
        return node.textValue();
    }

    private static int integer(JsonNode node, String where) {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new IllegalArgumentException(where + " is an integer");
        }
        return node.intValue();
    }

    private static boolean bool(JsonNode node, String where) {
        if (!node.isBoolean()) {
            throw new IllegalArgumentException(where + " is true or false");
        }
        return node.booleanValue();
    }
}
