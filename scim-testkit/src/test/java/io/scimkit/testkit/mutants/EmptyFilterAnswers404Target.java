package io.scimkit.testkit.mutants;

import io.scimkit.testkit.target.Target;
import io.scimkit.testkit.target.TargetRequest;
import io.scimkit.testkit.target.TargetResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Mutant service: a filter that finds nothing answers 404 instead of an empty ListResponse. */
final class EmptyFilterAnswers404Target implements Target {
    private final Target delegate;

    EmptyFilterAnswers404Target(Target delegate) {
        this.delegate = delegate;
    }

    @Override
    public TargetResponse send(TargetRequest request) {
        TargetResponse response = delegate.send(request);
        if (request.method().equals("GET") && request.rawQuery().contains("filter=") && response.status() == 200
                && response.bodyText().replace(" ", "").contains("\"totalResults\":0")) {
            return response.withStatusAndBody(404, ("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
                    + "\"status\":\"404\",\"detail\":\"no such user\"}").getBytes(StandardCharsets.UTF_8));
        }
        return response;
    }

    @Override
    public URI baseUri() {
        return delegate.baseUri();
    }

    @Override
    public String describe() {
        return "404-on-empty-filter mutant of " + delegate.describe();
    }
}
