package io.scimkit.testkit.target;

import io.scimkit.core.ScimService;
import io.scimkit.core.protocol.HttpHeaders;
import io.scimkit.core.protocol.ScimPrincipal;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A target that hands each request straight to a {@link ScimService} (no HTTP, no sockets): the
 * quickest way to run the catalogue against an integrator's {@code UserStore}/{@code GroupStore}.
 * Valid credentials become a {@link ScimPrincipal} (by default one of the single default tenant);
 * a wrong or missing token is emulated by sending no principal, which the service answers with
 * 401 just as its HTTP adapter would after a failed token check.
 */
public final class InProcessTarget implements Target {
    private final ScimService service;
    private final ScimPrincipal principal;

    private InProcessTarget(ScimService service, ScimPrincipal principal) {
        this.service = service;
        this.principal = principal;
    }

    /** A target over the service, authenticated as a principal of the default tenant. */
    public static InProcessTarget of(ScimService service) {
        return of(service, ScimPrincipal.of("scim-testkit"));
    }

    /** A target over the service, authenticated as this principal (e.g. of another tenant). */
    public static InProcessTarget of(ScimService service, ScimPrincipal principal) {
        return new InProcessTarget(Objects.requireNonNull(service, "service"), Objects.requireNonNull(principal, "principal"));
    }

    @Override
    public TargetResponse send(TargetRequest request) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        request.headers().forEach((name, value) -> fields.computeIfAbsent(name, key -> new ArrayList<>()).add(value));
        ScimPrincipal caller = request.credentials() == Credentials.VALID ? principal : null;
        ScimRequest scimRequest = new ScimRequest(request.method(), request.path(), request.rawQuery(),
                HttpHeaders.of(fields), request.body(), caller, null);
        long started = System.nanoTime();
        ScimResponse response = service.handle(scimRequest);
        byte[] body = response.body(); // a streamed body is written here, so it counts in the time
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        return new TargetResponse(response.status(), response.headers(), body, elapsed);
    }

    /** The counters of the service's {@code ClientDialect}. */
    @Override
    public Optional<Map<String, Long>> dialectFirings() {
        return Optional.of(service.dialect().firings());
    }

    @Override
    public URI baseUri() {
        return service.baseUri();
    }

    @Override
    public String describe() {
        return "in-process " + baseUri();
    }

    @Override
    public String toString() {
        return "InProcessTarget[" + baseUri() + ", tenant " + principal.tenant() + "]";
    }
}
