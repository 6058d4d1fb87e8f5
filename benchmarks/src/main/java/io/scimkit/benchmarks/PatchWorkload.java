package io.scimkit.benchmarks;

import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.ResourceType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The two PATCH requests (RFC 7644 §3.5.2) of the PATCH benchmark, each with the stored resource
 * it applies to and the body each library is given.
 *
 * <p>scimkit gets exactly what Entra sends in its default dialect (samples 07a, 08c, 11a, 17a):
 * capitalised ops (quirk Q1), {@code active} as the string {@code "False"} (Q2) and the manager as
 * a bare id string on the URN path (Q9). UnboundID accepts the capitalised ops, but it applies
 * values without a schema: {@code "False"} would stay a string and the bare manager id would
 * replace the complex {@code manager} with a string. So UnboundID gets the closest RFC-valid
 * form, which differs in exactly those two values: {@code false} (JSON boolean) and
 * {@code {"value": "u-3f9b10"}}. Everything else is byte-for-byte the same.
 */
enum PatchWorkload {
    /** A typical Entra user update: five operations on the stored Entra sample user. */
    ENTRA_USER("stored-user.json", CoreSchemas.USER_RESOURCE_TYPE,
            userRequest("\"False\"", "\"u-3f9b10\""),
            userRequest("false", "{\"value\":\"u-3f9b10\"}")),
    /** Entra's member add (sample 17b shape, capitalised op) to a group of ten members. */
    GROUP_MEMBER_ADD("stored-group.json", CoreSchemas.GROUP_RESOURCE_TYPE,
            groupRequest(), groupRequest());

    private static final String PATCH_OP = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],";

    private final String resourceFile;
    private final ResourceType type;
    private final String scimkitRequest;
    private final String unboundidRequest;

    PatchWorkload(String resourceFile, ResourceType type, String scimkitRequest, String unboundidRequest) {
        this.resourceFile = resourceFile;
        this.type = type;
        this.scimkitRequest = scimkitRequest;
        this.unboundidRequest = unboundidRequest;
    }

    /** The workload named by the benchmark parameter. */
    static PatchWorkload forName(String name) {
        return switch (name) {
            case "entraUser" -> ENTRA_USER;
            case "groupMemberAdd" -> GROUP_MEMBER_ADD;
            default -> throw new IllegalArgumentException("unknown workload " + name);
        };
    }

    ResourceType type() {
        return type;
    }

    /** The stored resource as JSON text: what a server holds before the PATCH. */
    String resourceJson() {
        try (InputStream in = PatchWorkload.class.getResourceAsStream(resourceFile)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resourceFile);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request body scimkit gets: Entra's default dialect. */
    byte[] scimkitRequest() {
        return scimkitRequest.getBytes(StandardCharsets.UTF_8);
    }

    /** The request body UnboundID gets: the closest form it applies to the same end state. */
    byte[] unboundidRequest() {
        return unboundidRequest.getBytes(StandardCharsets.UTF_8);
    }

    private static String userRequest(String active, String manager) {
        return PATCH_OP + "\"Operations\":["
                + "{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Alice Example-Smith\"},"
                + "{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\","
                + "\"value\":\"alice.smith@contoso.example\"},"
                + "{\"op\":\"Replace\",\"path\":\"name.familyName\",\"value\":\"Example-Smith\"},"
                + "{\"op\":\"Replace\",\"path\":\"active\",\"value\":" + active + "},"
                + "{\"op\":\"Add\",\"path\":\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager\","
                + "\"value\":" + manager + "}]}";
    }

    private static String groupRequest() {
        return PATCH_OP + "\"Operations\":[{\"op\":\"Add\",\"path\":\"members\","
                + "\"value\":[{\"value\":\"u-8d2b33\"}]}]}";
    }
}
