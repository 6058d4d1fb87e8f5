package io.scimkit.testkit.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimkit.testkit.target.Credentials;
import io.scimkit.testkit.target.TargetRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The requests of a load run in the shapes Entra ID sends without the {@code aadOptscim062020}
 * flag, as recorded in Entra's provisioning logs: filters
 * encoded with {@code +} and {@code %22}, {@code Content-Type: application/scim+json;
 * charset=utf-8} on bodies, no {@code Accept}, capitalised ops, {@code "False"} as a string.
 * Also the end-state queries. What the bodies set is what {@link ExpectedUser} expects back.
 */
final class LoadRequests {
    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    /** Entra adds this URI to the schemas of a new group (Entra quirk Q14, see {@code docs/entra-quirks.md}). */
    static final String MICROSOFT_GROUP_SCHEMA = "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group";
    static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final Map<String, String> JSON_BODY = Map.of("Content-Type", "application/scim+json; charset=utf-8");
    private static final byte[] NO_BODY = new byte[0];
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoadPlan plan;

    LoadRequests(LoadPlan plan) {
        this.plan = plan;
    }

    /** The match query for user {@code i}. */
    TargetRequest userLookup(int i) {
        return get("/Users", "filter=" + encode("userName eq \"" + plan.userName(i) + "\""));
    }

    /** Creates user {@code i} with the enterprise extension, in the shape Entra sends. */
    TargetRequest userCreate(int i) {
        ExpectedUser user = ExpectedUser.created(plan, i);
        ObjectNode body = JSON.createObjectNode();
        body.putArray("schemas").add(USER_SCHEMA).add(ENTERPRISE_SCHEMA);
        body.put("externalId", user.externalId());
        body.put("userName", user.userName());
        body.put("active", true);
        body.put("displayName", user.displayName());
        ObjectNode email = body.putArray("emails").addObject();
        email.put("primary", true);
        email.put("type", "work");
        email.put("value", user.workEmail());
        body.putObject("meta").put("resourceType", "User");
        ObjectNode name = body.putObject("name");
        name.put("formatted", user.displayName());
        name.put("familyName", user.familyName());
        name.put("givenName", "Load");
        body.putArray("roles");
        ObjectNode enterprise = body.putObject(ENTERPRISE_SCHEMA);
        enterprise.put("employeeNumber", Integer.toString(i));
        enterprise.put("department", user.department());
        return write("POST", "/Users", body);
    }

    /** The match query for group {@code g}, members excluded. */
    TargetRequest groupLookup(int g) {
        return get("/Groups", "excludedAttributes=members&filter=" + encode("displayName eq \"" + plan.groupName(g) + "\""));
    }

    /** Creates group {@code g} without members, in the shape Entra sends. */
    TargetRequest groupCreate(int g) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("schemas").add(GROUP_SCHEMA).add(MICROSOFT_GROUP_SCHEMA);
        body.put("externalId", plan.groupExternalId(g));
        body.put("displayName", plan.groupName(g));
        body.putObject("meta").put("resourceType", "Group");
        return write("POST", "/Groups", body);
    }

    /**
     * Adds these users to a group in one operation, each with {@code "$ref": null} (Entra quirk Q5,
     * see {@code docs/entra-quirks.md}).
     */
    TargetRequest memberAdd(String groupId, List<String> userIds) {
        ObjectNode body = patch();
        ObjectNode op = body.withArray("Operations").addObject();
        op.put("op", "Add");
        op.put("path", "members");
        ArrayNode values = op.putArray("value");
        for (String userId : userIds) {
            ObjectNode member = values.addObject();
            member.putNull("$ref");
            member.put("value", userId);
        }
        return write("PATCH", "/Groups/" + pathSegment(groupId), body);
    }

    /** The incremental update of user {@code i}: one {@code Replace} per attribute, as Entra sends it. */
    TargetRequest userUpdate(String userId, int i) {
        ExpectedUser updated = ExpectedUser.created(plan, i).updated();
        ObjectNode body = patch();
        ArrayNode ops = body.withArray("Operations");
        ops.addObject().put("op", "Replace").put("path", "displayName").put("value", updated.displayName());
        ops.addObject().put("op", "Replace").put("path", ENTERPRISE_SCHEMA + ":department")
                .put("value", updated.department());
        return write("PATCH", "/Users/" + pathSegment(userId), body);
    }

    /** Disable: a capitalised op and the string "False" (Entra quirks Q1 and Q2 in {@code docs/entra-quirks.md}). */
    TargetRequest userDisable(String userId) {
        ObjectNode body = patch();
        body.withArray("Operations").addObject().put("op", "Replace").put("path", "active").put("value", "False");
        return write("PATCH", "/Users/" + pathSegment(userId), body);
    }

    /** One page of this run's users, in userName order. */
    TargetRequest userPage(int startIndex, int count) {
        return get("/Users", "filter=" + encode("userName sw \"" + plan.userPrefix() + "\"")
                + "&sortBy=userName&startIndex=" + startIndex + "&count=" + count);
    }

    /** One page of this run's groups, members excluded, in displayName order. */
    TargetRequest groupPage(int startIndex, int count) {
        return get("/Groups", "excludedAttributes=members&filter=" + encode("displayName sw \"" + plan.groupPrefix() + "\"")
                + "&sortBy=displayName&startIndex=" + startIndex + "&count=" + count);
    }

    /** One group with its members. */
    TargetRequest groupGet(String groupId) {
        return get("/Groups/" + pathSegment(groupId), "");
    }

    private static ObjectNode patch() {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("schemas").add(PATCH_SCHEMA);
        body.putArray("Operations");
        return body;
    }

    private static TargetRequest get(String path, String query) {
        return new TargetRequest("GET", path, query, Map.of(), NO_BODY, Credentials.VALID);
    }

    private static TargetRequest write(String method, String path, ObjectNode body) {
        try {
            return new TargetRequest(method, path, "", JSON_BODY, JSON.writeValueAsBytes(body), Credentials.VALID);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a tree of strings always serialises", impossible);
        }
    }

    /** Form encoding, as Entra sends filters: spaces as {@code +}, quotes as {@code %22}. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A server-assigned id as one path segment (RFC 3986 §3.3): unchanged unless it holds reserved characters. */
    static String pathSegment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
