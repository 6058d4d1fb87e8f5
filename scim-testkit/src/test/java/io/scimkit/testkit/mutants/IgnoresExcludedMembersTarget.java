package io.scimkit.testkit.mutants;

import io.scimkit.testkit.target.Target;
import io.scimkit.testkit.target.TargetRequest;
import io.scimkit.testkit.target.TargetResponse;
import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Mutant service: ignores {@code excludedAttributes=members} and returns groups with their members. */
final class IgnoresExcludedMembersTarget implements Target {
    private final Target delegate;

    IgnoresExcludedMembersTarget(Target delegate) {
        this.delegate = delegate;
    }

    @Override
    public TargetResponse send(TargetRequest request) {
        if (!request.method().equals("GET") || !request.rawQuery().contains("excludedAttributes=members")) {
            return delegate.send(request);
        }
        String query = Arrays.stream(request.rawQuery().split("&"))
                .filter(parameter -> !parameter.equals("excludedAttributes=members"))
                .collect(Collectors.joining("&"));
        return delegate.send(new TargetRequest(request.method(), request.path(), query, request.headers(),
                request.body(), request.credentials()));
    }

    @Override
    public URI baseUri() {
        return delegate.baseUri();
    }

    @Override
    public String describe() {
        return "members-despite-excludedAttributes mutant of " + delegate.describe();
    }
}
