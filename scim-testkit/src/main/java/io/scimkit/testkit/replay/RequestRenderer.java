package io.scimkit.testkit.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimkit.testkit.scenario.Dialect;
import io.scimkit.testkit.scenario.Placeholders;
import io.scimkit.testkit.scenario.RequestTemplate;
import io.scimkit.testkit.scenario.TextTemplate;
import io.scimkit.testkit.target.TargetRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Turns a request template into the request Entra would send: query
 * values form-encoded ({@code +} for spaces, {@code %22} for quotes, as in Entra's logs), the
 * {@code aadOptscim062020} parameter in flag runs when asked, {@code Content-Type:
 * application/scim+json; charset=utf-8} on bodies unless the step sets its own, and no
 * {@code Accept} header.
 */
final class RequestRenderer {
    /** What Entra puts on POST and PATCH bodies. */
    static final String ENTRA_CONTENT_TYPE = "application/scim+json; charset=utf-8";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReplayOptions options;

    RequestRenderer(ReplayOptions options) {
        this.options = options;
    }

    /** The request, rendered; throws UnresolvedPlaceholderException when a variable is missing. */
    TargetRequest render(RequestTemplate template, Placeholders placeholders, Dialect dialect) {
        String path = template.path().render(placeholders);
        StringJoiner query = new StringJoiner("&");
        for (Map.Entry<String, TextTemplate> parameter : template.query().entrySet()) {
            query.add(encode(parameter.getKey()) + "=" + encode(parameter.getValue().render(placeholders)));
        }
        if (dialect == Dialect.FLAG && options.flagQueryParameter()) {
            query.add(Dialect.FLAG_QUERY_PARAMETER);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        template.headers().forEach((name, value) -> headers.put(name, value.render(placeholders)));
        byte[] body = new byte[0];
        if (template.body() != null) {
            try {
                body = JSON.writeValueAsBytes(template.body().render(placeholders));
            } catch (JsonProcessingException impossible) {
                throw new IllegalStateException("a JSON tree always serialises", impossible);
            }
        } else if (template.rawBody() != null) {
            body = template.rawBody().render(placeholders).getBytes(StandardCharsets.UTF_8);
        }
        if (template.hasBody() && headers.keySet().stream().noneMatch(name -> name.equalsIgnoreCase("Content-Type"))) {
            headers.put("Content-Type", ENTRA_CONTENT_TYPE);
        }
        return new TargetRequest(template.method(), path, query.toString(), headers, body, template.credentials());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
