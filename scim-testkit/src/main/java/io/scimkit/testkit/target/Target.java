package io.scimkit.testkit.target;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * A SCIM service the testkit replays requests against (RFC 7644 §3): in-process or over HTTP.
 * Implementations are thread-safe (parallel steps and the load mode send concurrently) and
 * never reveal credentials in {@code toString()} or exception messages.
 */
public interface Target {

    /**
     * Sends one request and returns the response, whatever its status.
     *
     * @throws TargetUnavailableException if no response could be had (connection refused, timeout)
     */
    TargetResponse send(TargetRequest request);

    /** The base URL requests are relative to (what the Entra admin types as "Tenant URL"), for {@code {{baseUrl}}}. */
    URI baseUri();

    /**
     * How often each client-dialect rule of the service has fired so far, by rule id, when the
     * target can see the service's own counters (in-process); empty otherwise (over HTTP). The
     * replayer reads it before and after each scenario run to report which rules each dialect's
     * traffic needed.
     */
    default Optional<Map<String, Long>> dialectFirings() {
        return Optional.empty();
    }

    /** A short description for reports, e.g. {@code in-process} or the base URL; never credentials. */
    String describe();
}
