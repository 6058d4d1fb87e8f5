package io.scimkit.core.protocol;

import io.scimkit.core.codec.ResourceCodec;
import io.scimkit.core.codec.internal.BulkCodec;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.message.internal.BulkOperation;
import io.scimkit.core.message.internal.BulkOperationResult;
import io.scimkit.core.message.internal.BulkResponse;
import io.scimkit.core.patch.PatchRequest;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Runs the operations of one bulk request (RFC 7644 §3.7) and collects their results. Not
 * thread-safe; one instance per request.
 *
 * <p>Each operation becomes an internal {@link ScimRequest} with the caller's principal (hence its
 * tenant) and base URI, served by the same dispatcher as a standalone request, so every rule of
 * the resource endpoints applies unchanged; its {@code version} becomes {@code If-Match}
 * (RFC 7644 §3.7, a mismatch fails that operation with 412). Operations run in the client's order
 * except that an operation waits until every POST whose {@code bulkId} it references has run (the
 * service provider may reorder as long as the result is what the client meant, §3.7); its
 * references are then replaced by the created ids (§3.7.2). When every waiting operation waits on
 * another, the references are circular: the first POST of the cycle is created without the values
 * that reference the others and completed by a PATCH once they exist ({@link BulkDeferral},
 * §3.7.1).
 *
 * <p>A reference to a bulkId no POST of the request defines fails the operation with 400
 * {@code invalidValue}; a reference to a POST that failed fails it with 409, as does a cycle that
 * cannot be broken or a completing PATCH that fails. Processing stops once {@code failOnErrors}
 * operations have failed; without {@code failOnErrors} every operation is attempted (RFC 7644
 * §3.7).
 */
final class BulkExecution {
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Exchange exchange;
    private final Function<ScimRequest, ScimResponse> dispatcher;
    private final List<BulkOperation> operations;
    private final int failOnErrors;
    private final Map<String, Integer> definitions;
    private final ResourceCodec codec;
    private final Map<String, String> created = new HashMap<>();
    private final Set<String> failedIds = new HashSet<>();
    private final @Nullable BulkOperationResult[] results;
    private final List<Step> pending = new ArrayList<>();
    private final Map<Step, Set<String>> references = new HashMap<>();
    private int failures;

    /** One unit of work: an operation of the request, or the PATCH that completes a broken cycle. */
    private sealed interface Step permits Run, Completion {
        int index();
    }

    private record Run(int index) implements Step {
    }

    private record Completion(int index, String path, List<ComplexValue> patchOperations) implements Step {
    }

    /**
     * @param definitions the index of the POST operation that defines each bulkId
     * @param failOnErrors failures after which to stop; {@link Integer#MAX_VALUE} for "never"
     */
    BulkExecution(Exchange exchange, Function<ScimRequest, ScimResponse> dispatcher, List<BulkOperation> operations,
            Map<String, Integer> definitions, int failOnErrors) {
        this.exchange = exchange;
        this.dispatcher = dispatcher;
        this.operations = operations;
        this.definitions = definitions;
        this.failOnErrors = failOnErrors;
        this.codec = ResourceCodec.of(exchange.config().registry());
        this.results = new BulkOperationResult[operations.size()];
        for (int i = 0; i < operations.size(); i++) {
            pending.add(new Run(i));
        }
    }

    /** Runs the operations and returns the results of those processed, in request order. */
    BulkResponse run() {
        while (!pending.isEmpty() && failures < failOnErrors) {
            Step step = firstReady();
            boolean breaksCycle = step == null;
            if (step == null) {
                step = cycleMember();
            }
            pending.remove(step);
            if (step instanceof Run run) {
                execute(run.index(), breaksCycle);
            } else {
                complete((Completion) step);
            }
        }
        for (Step left : pending) {
            if (left instanceof Completion completion) {
                // The resource exists but lacks the values the stop kept from being added.
                fail(completion.index(), conflict("processing stopped (failOnErrors) before the "
                        + "circular bulkId references of this operation were resolved"), false);
            }
        }
        List<BulkOperationResult> processed = new ArrayList<>();
        for (BulkOperationResult result : results) {
            if (result != null) {
                processed.add(result);
            }
        }
        return new BulkResponse(processed);
    }

    private @Nullable Step firstReady() {
        for (Step step : pending) {
            if (references(step).stream().noneMatch(this::unsettled)) {
                return step;
            }
        }
        return null;
    }

    /**
     * A POST on a reference cycle: follows unsettled references from the first waiting step until
     * a step repeats. Every step after the first is the POST defining a reference, so the repeated
     * one is a POST.
     */
    private Step cycleMember() {
        Set<Step> seen = new LinkedHashSet<>();
        Step current = pending.get(0);
        while (seen.add(current)) {
            String reference = references(current).stream().filter(this::unsettled).findFirst().orElseThrow();
            current = new Run(definitions.get(reference));
        }
        return current;
    }

    /** Whether a bulkId is defined by a POST that has not run yet. */
    private boolean unsettled(String bulkId) {
        return definitions.containsKey(bulkId) && !created.containsKey(bulkId) && !failedIds.contains(bulkId);
    }

    /** The bulkIds a step references, computed once per step (the readiness scan asks often). */
    private Set<String> references(Step step) {
        return references.computeIfAbsent(step, this::findReferences);
    }

    private Set<String> findReferences(Step step) {
        if (step instanceof Completion completion) {
            return BulkReferences.in(MultiValue.of(completion.patchOperations()));
        }
        BulkOperation operation = operations.get(step.index());
        Set<String> references = new LinkedHashSet<>(BulkReferences.in(operation.path()));
        references.addAll(BulkReferences.in(operation.data()));
        return references;
    }

    private void execute(int index, boolean breaksCycle) {
        BulkOperation operation = operations.get(index);
        String method = operation.method().toUpperCase(Locale.ROOT);
        try {
            String path = checkShape(operation, method);
            ScimValue data = operation.data();
            if (method.equals("PATCH") && data != null) {
                data = exchange.dialect().normalizeBulkPatchData(data);
            }
            checkReferences(references(new Run(index)));
            BulkDeferral deferral = null;
            if (breaksCycle) {
                if (!(data instanceof ComplexValue body)) {
                    throw conflict("the circular bulkId references of this operation cannot be resolved");
                }
                deferral = BulkDeferral.split(body, this::unsettled);
                data = deferral.stripped();
            }
            ScimResponse response = dispatch(method, BulkReferences.resolve(path, created),
                    data == null || method.equals("DELETE") ? null : BulkReferences.resolve(data, created),
                    method.equals("POST") ? null : operation.version());
            record(index, operation, method, response, BulkReferences.resolve(path, created));
            if (deferral != null && !deferral.patchOperations().isEmpty() && !results[index].failed()) {
                pending.add(0, new Completion(index, resourcePath(path, operation.bulkId()),
                        deferral.patchOperations()));
            }
        } catch (ScimException invalid) {
            fail(index, invalid, true);
        }
    }

    private void complete(Completion completion) {
        BulkOperationResult original = results[completion.index()];
        try {
            checkReferences(references(completion));
            ComplexValue patch = ComplexValue.builder()
                    .put("schemas", MultiValue.of(StringValue.of(PatchRequest.PATCH_OP_URN)))
                    .put("Operations", BulkReferences.resolve(MultiValue.of(completion.patchOperations()), created))
                    .build();
            ScimResponse response = dispatch("PATCH", completion.path(), patch, null);
            if (response.status() / 100 != 2) {
                throw conflict("the resource was created, but adding its circular bulkId references "
                        + "failed: " + errorDetail(response));
            }
            results[completion.index()] = new BulkOperationResult(original.method(), original.bulkId(),
                    original.location(), response.header("ETag").orElse(original.version()), original.status(), null);
        } catch (ScimException failure) {
            ScimException conflict = failure.status() == 409 ? failure : conflict(failure.detail());
            results[completion.index()] = new BulkOperationResult(original.method(), original.bulkId(),
                    original.location(), original.version(), 409, errorBody(ScimResponse.error(conflict)));
            failures++;
        }
    }

    /**
     * The path of the operation, checked against RFC 7644 §3.7: a method of POST, PUT, PATCH or
     * DELETE, a {@code bulkId} on every POST, and {@code data} wherever the standalone request has
     * a body.
     */
    private String checkShape(BulkOperation operation, String method) {
        if (!METHODS.contains(method)) {
            throw ScimException.invalidSyntax("a bulk operation's method is POST, PUT, PATCH or DELETE");
        }
        String path = operation.path();
        if (path == null || path.isEmpty()) {
            throw ScimException.invalidSyntax("a bulk operation needs a path");
        }
        List<String> segments = Dispatcher.segments(path.contains("?") ? path.substring(0, path.indexOf('?')) : path);
        boolean resourceEndpoint = !segments.isEmpty()
                && exchange.config().registry().resourceTypeAt("/" + segments.get(0)).isPresent();
        int expected = method.equals("POST") ? 1 : 2;
        if (!resourceEndpoint || segments.size() != expected) {
            throw ScimException.invalidSyntax(method.equals("POST")
                    ? "the path of a bulk POST is a resource type endpoint such as /Users"
                    : "the path of a bulk " + method + " is a resource such as /Users/{id}");
        }
        if (method.equals("POST") && (operation.bulkId() == null || operation.bulkId().isEmpty())) {
            throw ScimException.invalidSyntax("a bulk POST needs a bulkId (RFC 7644 §3.7)");
        }
        if (!method.equals("DELETE") && operation.data() == null) {
            throw ScimException.invalidSyntax("a bulk " + method + " needs data");
        }
        return path;
    }

    private void checkReferences(Set<String> references) {
        for (String bulkId : references) {
            if (!definitions.containsKey(bulkId)) {
                throw ScimException.invalidValue("no POST operation of this request has bulkId \"" + bulkId + "\"");
            }
            if (failedIds.contains(bulkId)) {
                throw conflict("the operation with bulkId \"" + bulkId
                        + "\" failed, so the reference to it cannot be resolved");
            }
        }
    }

    private ScimResponse dispatch(String method, String path, @Nullable ScimValue data, @Nullable String version) {
        int query = path.indexOf('?');
        List<String> fields = new ArrayList<>(List.of("Content-Type", ScimResponse.SCIM_JSON));
        if (version != null) {
            fields.addAll(List.of("If-Match", version));
        }
        // The operations' events carry the bulk request's id.
        exchange.request().headers().first(Events.REQUEST_ID_HEADER)
                .ifPresent(requestId -> fields.addAll(List.of(Events.REQUEST_ID_HEADER, requestId)));
        HttpHeaders headers = HttpHeaders.of(fields.toArray(String[]::new));
        ScimRequest request = new ScimRequest(method, query < 0 ? path : path.substring(0, query),
                query < 0 ? "" : path.substring(query + 1), headers,
                data == null ? new byte[0] : BulkCodec.writeData(data), exchange.principal(), exchange.baseUri());
        return dispatcher.apply(request);
    }

    private void record(int index, BulkOperation operation, String method, ScimResponse response, String path) {
        boolean success = response.status() / 100 == 2;
        String bulkId = operation.bulkId();
        if (method.equals("POST") && bulkId != null) {
            String id = success ? createdId(response) : null;
            if (id == null) {
                failedIds.add(bulkId);
            } else {
                created.put(bulkId, id);
            }
        }
        String location = response.header("Location").orElse(
                method.equals("POST") ? null : exchange.location(path.startsWith("/") ? path : "/" + path));
        results[index] = new BulkOperationResult(method, bulkId, location, response.header("ETag").orElse(null),
                response.status(), success ? null : errorBody(response));
        if (!success) {
            failures++;
        }
    }

    private void fail(int index, ScimException failure, boolean counts) {
        BulkOperation operation = operations.get(index);
        String method = operation.method().toUpperCase(Locale.ROOT);
        if (method.equals("POST") && operation.bulkId() != null) {
            failedIds.add(operation.bulkId());
        }
        BulkOperationResult earlier = results[index];
        results[index] = new BulkOperationResult(method, operation.bulkId(), earlier == null ? null : earlier.location(),
                null, failure.status(), errorBody(ScimResponse.error(failure)));
        if (counts) {
            failures++;
        }
    }

    /** The id of the resource a successful POST created, from its body. */
    private @Nullable String createdId(ScimResponse response) {
        try {
            if (codec.readValue(response.body()) instanceof ComplexValue body
                    && body.getOrNull("id") instanceof StringValue id) {
                return id.value();
            }
        } catch (ScimException unreadable) {
            // Fall through: without an id nothing can refer to the resource.
        }
        return null;
    }

    /** The path of the resource a broken-cycle POST created: its endpoint and new id. */
    private String resourcePath(String postPath, @Nullable String bulkId) {
        String endpoint = "/" + Dispatcher.segments(postPath).get(0);
        return endpoint + "/" + created.get(bulkId);
    }

    private @Nullable ScimValue errorBody(ScimResponse response) {
        if (response.body().length == 0) {
            return null;
        }
        try {
            return codec.readValue(response.body());
        } catch (ScimException unreadable) {
            return null;
        }
    }

    /** 409 without scimType: a reference that cannot be resolved (RFC 7644 §3.7.1, Table 8). */
    private static ScimException conflict(String detail) {
        return new ScimException(409, null, detail);
    }

    private String errorDetail(ScimResponse response) {
        if (errorBody(response) instanceof ComplexValue body && body.getOrNull("detail") instanceof StringValue detail) {
            return detail.value();
        }
        return "status " + response.status();
    }
}
