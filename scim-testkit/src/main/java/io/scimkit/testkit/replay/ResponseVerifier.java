package io.scimkit.testkit.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.scimkit.testkit.scenario.Expectation;
import io.scimkit.testkit.scenario.JsonAssertion;
import io.scimkit.testkit.scenario.Placeholders;
import io.scimkit.testkit.scenario.UnresolvedPlaceholderException;
import io.scimkit.testkit.target.TargetResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Checks a response against an expectation and lists every difference in words: status, media
 * type of the body (RFC 7644 §8.1), and each JsonPath assertion, with the assertion's
 * {@code because}.
 */
final class ResponseVerifier {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Configuration PATHS = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(JSON))
            .mappingProvider(new JacksonMappingProvider(JSON))
            .build();
    private static final int QUOTE_LENGTH = 200;

    private ResponseVerifier() {
    }

    /** The response body as JSON, or empty if it has none or is not JSON. */
    static Optional<JsonNode> body(TargetResponse response) {
        if (response.body().length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(response.body()));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /** Every way the response differs from the expectation; empty if it meets it. */
    static List<String> verify(Expectation expect, TargetResponse response, Placeholders placeholders) {
        List<String> mismatches = new ArrayList<>();
        boolean statusMatched = expect.status().contains(response.status());
        if (!statusMatched) {
            mismatches.add("status: expected " + (expect.status().size() == 1 ? expect.status().get(0)
                    : "one of " + expect.status()) + ", got " + response.status() + detail(response)
                    + because(expect.because()));
        }
        if (expect.contentType() != null && response.body().length > 0) {
            String actual = response.header("Content-Type");
            String mediaType = actual == null ? "" : actual.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (!mediaType.equals(expect.contentType().toLowerCase(Locale.ROOT))) {
                mismatches.add("Content-Type: expected " + expect.contentType() + ", got "
                        + (actual == null ? "none" : actual) + " (RFC 7644 §8.1; the SCIM Validator aborts on anything else)");
            }
        }
        if (!expect.assertions().isEmpty() && !statusMatched) {
            // The body of an unexpected status (usually an error) cannot meet the assertions; saying so
            // for each of them would bury the one mismatch that matters.
            mismatches.add("body: " + expect.assertions().size() + " assertion(s) not checked because the status was wrong");
        } else if (!expect.assertions().isEmpty()) {
            Optional<JsonNode> body = body(response);
            if (body.isEmpty()) {
                mismatches.add("body: expected JSON to check " + expect.assertions().size() + " assertion(s), got "
                        + (response.body().length == 0 ? "no body" : "'" + quote(response.bodyText()) + "'"));
            } else {
                for (JsonAssertion assertion : expect.assertions()) {
                    String problem = check(assertion, body.get(), placeholders);
                    if (problem != null) {
                        mismatches.add(problem + because(assertion.because()));
                    }
                }
            }
        }
        return mismatches;
    }

    /** The value at a definite path as text (for captures), or empty if absent or not a scalar. */
    static Optional<String> scalar(JsonNode body, String path) {
        try {
            JsonNode value = read(body, path).orElse(null);
            if (value == null || value.isContainerNode() || value.isNull()) {
                return Optional.empty();
            }
            return Optional.of(value.asText());
        } catch (InvalidPathException invalid) {
            return Optional.empty();
        }
    }

    private static @Nullable String check(JsonAssertion assertion, JsonNode body, Placeholders placeholders) {
        String path = assertion.path();
        JsonPath compiled;
        try {
            compiled = JsonPath.compile(path);
        } catch (InvalidPathException invalid) {
            return path + ": not a valid JsonPath (" + invalid.getMessage() + ")";
        }
        Optional<JsonNode> found;
        try {
            found = read(body, path);
        } catch (InvalidPathException invalid) {
            return path + ": cannot be evaluated (" + invalid.getMessage() + ")";
        }
        boolean definite = compiled.isDefinite();
        boolean present = found.isPresent() && !found.get().isNull() && (definite || found.get().size() > 0);
        JsonNode expected;
        try {
            expected = assertion.expected() == null ? null : assertion.expected().render(placeholders);
        } catch (UnresolvedPlaceholderException missing) {
            return path + ": not checked, the expected value needs " + missing.getMessage();
        }
        String actualText = found.map(value -> quote(value.toString())).orElse("nothing");
        switch (assertion.kind()) {
            case EXISTS:
                return present ? null : path + ": expected a value, found nothing";
            case ABSENT:
                return present ? path + ": expected nothing, found " + actualText : null;
            case EQUALS: {
                JsonNode actual = found.orElse(null);
                if (actual != null && !definite && actual.isArray() && actual.size() == 1 && !expected.isArray()) {
                    actual = actual.get(0);
                }
                return actual != null && JsonValues.equivalent(expected, actual) ? null
                        : path + ": expected " + quote(expected.toString()) + ", got " + actualText;
            }
            case SIZE: {
                int wanted = expected.intValue();
                int size = found.map(ResponseVerifier::sizeOf).orElse(-1);
                return size == wanted ? null : path + ": expected size " + wanted + ", got "
                        + (size < 0 ? "nothing" : size + " (" + actualText + ")");
            }
            case MATCHES: {
                Pattern pattern;
                try {
                    pattern = Pattern.compile(expected.textValue());
                } catch (PatternSyntaxException invalid) {
                    return path + ": '" + expected.textValue() + "' is not a regular expression";
                }
                JsonNode actual = found.orElse(null);
                if (actual != null && !definite && actual.isArray() && actual.size() == 1) {
                    actual = actual.get(0);
                }
                return actual != null && actual.isTextual() && pattern.matcher(actual.textValue()).matches() ? null
                        : path + ": expected a string matching /" + expected.textValue() + "/, got " + actualText;
            }
            case CONTAINS:
                return found.isPresent() && contains(found.get(), expected) ? null
                        : path + ": expected to contain " + quote(expected.toString()) + ", got " + actualText;
            case NOT_CONTAINS:
                return found.isPresent() && contains(found.get(), expected)
                        ? path + ": expected not to contain " + quote(expected.toString()) + ", got " + actualText
                        : null;
            default:
                throw new IllegalStateException("unknown assertion kind " + assertion.kind());
        }
    }

    private static Optional<JsonNode> read(JsonNode body, String path) {
        try {
            Object value = JsonPath.using(PATHS).parse(body).read(path);
            if (value == null) {
                return Optional.of(JSON.nullNode());
            }
            return Optional.of(value instanceof JsonNode node ? node : JSON.valueToTree(value));
        } catch (PathNotFoundException absent) {
            return Optional.empty();
        }
    }

    private static int sizeOf(JsonNode value) {
        if (value.isContainerNode()) {
            return value.size();
        }
        if (value.isTextual()) {
            return value.textValue().length();
        }
        return -1;
    }

    private static boolean contains(JsonNode actual, JsonNode expected) {
        if (actual.isArray()) {
            for (JsonNode element : actual) {
                if (JsonValues.equivalent(expected, element)) {
                    return true;
                }
            }
            return false;
        }
        return JsonValues.equivalent(expected, actual);
    }

    private static String detail(TargetResponse response) {
        Optional<JsonNode> body = body(response);
        if (body.isPresent() && body.get().isObject()) {
            JsonNode detail = body.get().get("detail");
            JsonNode scimType = body.get().get("scimType");
            StringBuilder text = new StringBuilder();
            if (scimType != null && scimType.isTextual()) {
                text.append(" scimType ").append(scimType.textValue());
            }
            if (detail != null && detail.isTextual()) {
                text.append(" (\"").append(quote(detail.textValue())).append("\")");
            }
            return text.toString();
        }
        return "";
    }

    private static String because(@Nullable String because) {
        return because == null ? "" : " — " + because;
    }

    private static String quote(String text) {
        return text.length() <= QUOTE_LENGTH ? text : text.substring(0, QUOTE_LENGTH) + "…";
    }
}
