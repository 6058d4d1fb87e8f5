package io.scimkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.scim2.common.GenericScimResource;
import io.scimkit.core.codec.ResourceCodec;
import io.scimkit.core.patch.PatchResult;
import io.scimkit.core.schema.SchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Checks, before measuring, that scimkit and UnboundID leave the resource in the same state after
 * the benchmark's PATCH: both results as JSON trees (member order ignored, array order kept) must
 * be equal, and must differ from the stored resource.
 */
final class PatchEndState {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PatchEndState() {
    }

    static void requireSame(String workload, SchemaRegistry registry, PatchResult scimkit,
            GenericScimResource unboundid, JsonNode before) {
        JsonNode ours = scimkitTree(registry, scimkit);
        JsonNode theirs = unboundid.getObjectNode();
        if (!ours.equals(theirs)) {
            throw new IllegalStateException("scimkit and UnboundID disagree on " + workload + ":\n  scimkit:   "
                    + ours + "\n  UnboundID: " + theirs);
        }
        if (ours.equals(before) || !scimkit.changed()) {
            throw new IllegalStateException("the PATCH of " + workload + " changed nothing");
        }
    }

    private static JsonNode scimkitTree(SchemaRegistry registry, PatchResult result) {
        try {
            return MAPPER.readTree(ResourceCodec.of(registry).write(result.resource()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
