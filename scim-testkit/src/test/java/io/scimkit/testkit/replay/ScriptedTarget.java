package io.scimkit.testkit.replay;

import io.scimkit.testkit.target.Target;
import io.scimkit.testkit.target.TargetRequest;
import io.scimkit.testkit.target.TargetResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A target answering with a function, remembering every request. */
public final class ScriptedTarget implements Target {
    final List<TargetRequest> requests = new CopyOnWriteArrayList<>();
    private final Function<TargetRequest, TargetResponse> answer;

    public ScriptedTarget(Function<TargetRequest, TargetResponse> answer) {
        this.answer = answer;
    }

    public static TargetResponse json(int status, String body) {
        return new TargetResponse(status, Map.of("Content-Type", "application/scim+json"),
                body.getBytes(StandardCharsets.UTF_8), Duration.ZERO);
    }

    @Override
    public TargetResponse send(TargetRequest request) {
        requests.add(request);
        return answer.apply(request);
    }

    @Override
    public URI baseUri() {
        return URI.create("https://scripted.test/scim/");
    }

    @Override
    public String describe() {
        return "scripted";
    }
}
