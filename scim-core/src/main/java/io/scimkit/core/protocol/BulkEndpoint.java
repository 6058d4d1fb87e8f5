package io.scimkit.core.protocol;

import io.scimkit.core.codec.internal.BulkCodec;
import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.message.internal.BulkOperation;
import io.scimkit.core.message.internal.BulkRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * {@code POST /Bulk} (RFC 7644 §3.7): checks the request as a whole and hands its operations to a
 * {@link BulkExecution}. Failures of the whole request have their own status: 501 when Bulk is
 * switched off ({@code bulkMaxOperations} 0; Bulk is optional, RFC 7644 §3.7); 413 for a body
 * over {@code bulk.maxPayloadSize} or more operations than {@code bulk.maxOperations}, with the
 * limit named in the detail (§3.7.4); 400 {@code invalidSyntax} for a body that is no BulkRequest
 * message, a {@code failOnErrors} below 1, or a {@code bulkId} two POSTs share (§3.7). Once the
 * request is accepted the answer is 200 with a BulkResponse, however many operations failed: the
 * RFC's examples answer 200 even when every operation failed, so a 4xx or 5xx is kept for failures
 * of the request as a whole. Other methods get 405 with {@code Allow: POST}.
 */
final class BulkEndpoint implements Endpoint {
    private final BiFunction<ScimRequest, ClientDialect, ScimResponse> dispatcher;

    /**
     * @param dispatcher serves each operation as an internal request, normalised by the Bulk
     *     request's dialect (so the rules that fire for an operation are the Bulk request's)
     */
    BulkEndpoint(BiFunction<ScimRequest, ClientDialect, ScimResponse> dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public boolean serves(Exchange exchange) {
        return exchange.segments().size() == 1 && exchange.segments().get(0).equalsIgnoreCase("Bulk");
    }

    /** The Bulk body has its own limit, {@code bulk.maxPayloadSize}, instead of {@code maxPayloadSize}. */
    @Override
    public void checkPayloadSize(ScimRequest request, ServiceLimits limits) {
        if (request.body().length > limits.bulkMaxPayloadSize()) {
            throw ScimException.payloadTooLarge("The size of the bulk request exceeds bulk.maxPayloadSize ("
                    + limits.bulkMaxPayloadSize() + " bytes).");
        }
    }

    @Override
    public ScimResponse handle(Exchange exchange) {
        if (!exchange.method().equals("POST")) {
            return MethodNotAllowed.response(exchange, "POST");
        }
        ServiceLimits limits = exchange.config().limits();
        if (limits.bulkMaxOperations() == 0) {
            throw ScimException.notImplemented("Bulk operations are not supported by this service provider.");
        }
        BulkRequest request = BulkCodec.read(RequestBodies.json(exchange.request(), exchange.dialect()));
        List<BulkOperation> operations = request.operations();
        if (operations.size() > limits.bulkMaxOperations()) {
            throw ScimException.payloadTooLarge("The bulk request has " + operations.size()
                    + " operations, more than bulk.maxOperations (" + limits.bulkMaxOperations() + ").");
        }
        Integer failOnErrors = request.failOnErrors();
        if (failOnErrors != null && failOnErrors < 1) {
            throw ScimException.invalidSyntax("failOnErrors must be a positive integer (RFC 7644 §3.7).");
        }
        BulkExecution execution = new BulkExecution(exchange,
                operation -> dispatcher.apply(operation, exchange.dialect()), operations,
                definitions(operations), failOnErrors == null ? Integer.MAX_VALUE : failOnErrors);
        return ScimResponse.json(200, BulkCodec.write(execution.run()));
    }

    /** The POST operation each bulkId names; a bulkId used by two POSTs makes every reference ambiguous. */
    private static Map<String, Integer> definitions(List<BulkOperation> operations) {
        Map<String, Integer> definitions = new HashMap<>();
        for (int i = 0; i < operations.size(); i++) {
            BulkOperation operation = operations.get(i);
            String bulkId = operation.bulkId();
            if (bulkId == null || bulkId.isEmpty() || !operation.method().toUpperCase(Locale.ROOT).equals("POST")) {
                continue;
            }
            if (definitions.putIfAbsent(bulkId, i) != null) {
                throw ScimException.invalidSyntax("The bulkId \"" + bulkId
                        + "\" is used by more than one POST operation; bulkIds are unique within a request.");
            }
        }
        return definitions;
    }
}
