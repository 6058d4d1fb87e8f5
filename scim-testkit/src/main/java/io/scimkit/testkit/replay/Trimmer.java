package io.scimkit.testkit.replay;

import io.scimkit.testkit.target.Credentials;
import io.scimkit.testkit.target.TargetRequest;
import io.scimkit.testkit.target.TargetResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Renders requests and responses as short HTTP-message text for reports; never credentials. */
final class Trimmer {
    private final int limit;

    Trimmer(int limit) {
        this.limit = limit;
    }

    String trim(String text) {
        if (text.length() <= limit) {
            return text;
        }
        return text.substring(0, limit) + "… (" + (text.length() - limit) + " more characters)";
    }

    String request(TargetRequest request) {
        StringBuilder text = new StringBuilder(request.method()).append(' ').append(request.pathAndQuery());
        if (request.credentials() != Credentials.VALID) {
            text.append("\n(credentials: ").append(request.credentials().name().toLowerCase(java.util.Locale.ROOT))
                    .append(" bearer token)");
        }
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            text.append('\n').append(header.getKey()).append(": ").append(header.getValue());
        }
        if (request.body().length > 0) {
            text.append("\n\n").append(trim(request.bodyText()));
        }
        return text.toString();
    }

    String response(@Nullable TargetResponse response) {
        if (response == null) {
            return "(no response)";
        }
        StringBuilder text = new StringBuilder().append(response.status());
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("Authorization")) {
                text.append('\n').append(header.getKey()).append(": ").append(header.getValue());
            }
        }
        if (response.body().length > 0) {
            text.append("\n\n").append(trim(response.bodyText()));
        }
        return text.toString();
    }
}
