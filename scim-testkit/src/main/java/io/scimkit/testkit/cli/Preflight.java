package io.scimkit.testkit.cli;

import io.scimkit.testkit.target.Credentials;
import io.scimkit.testkit.target.Target;
import io.scimkit.testkit.target.TargetRequest;
import io.scimkit.testkit.target.TargetResponse;
import io.scimkit.testkit.target.TargetUnavailableException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Entra's "Test Connection" before anything else: a match query for a
 * random userName. No answer, or 401/403 to our token, is a connection or usage error (exit 2)
 * rather than a failed conformance check; any other answer lets the run begin.
 */
final class Preflight {
    private Preflight() {
    }

    /** What is wrong with the connection, or {@code null} if the endpoint answered. */
    static @Nullable String check(Target target) {
        String filter = "userName eq \"scim-testkit-probe-" + UUID.randomUUID() + "\"";
        TargetRequest probe = new TargetRequest("GET", "/Users", "filter=" + URLEncoder.encode(filter,
                StandardCharsets.UTF_8), Map.of(), new byte[0], Credentials.VALID);
        TargetResponse response;
        try {
            response = target.send(probe);
        } catch (TargetUnavailableException unreachable) {
            return "cannot reach " + target.describe() + ": " + unreachable.getMessage();
        }
        if (response.status() == 401 || response.status() == 403) {
            return target.describe() + " refused the bearer token (HTTP " + response.status() + "): check --token or "
                    + CliParser.TOKEN_VARIABLE;
        }
        return null;
    }
}
