package io.scimkit.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.ScimService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The input rules of issue 11 (findings 5-7) as requests every store must answer alike: strings
 * with U+0000 or an unpaired surrogate, over-long indexed and member strings, dateTimes outside
 * years 0001-9999, and ids that no resource can have. Each refused request is a 400 with the right
 * {@code scimType} (or a 404 for an id) and leaves the tenant as it was; the accepted ones at the
 * limits show that the limits are not off by one. Shared through scim-core's test jar, so that
 * {@code InputRulesTest} (memory) and scim-jdbc's H2 and PostgreSQL tests replay the same table.
 */
public final class InputRuleCases {
    private static final String NUL = "\\u0000";
    private static final String HIGH = "\\ud800";
    private static final String LOW = "\\udc00";
    private static final String USER = "'schemas':['urn:ietf:params:scim:schemas:core:2.0:User']";
    private static final String GROUP = "'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group']";
    private static final String PATCH = "'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp']";
    private static final String BULK = "'schemas':['urn:ietf:params:scim:api:messages:2.0:BulkRequest']";
    private static final Pattern STATUS = Pattern.compile("\"status\":\"?(\\d{3})");

    private InputRuleCases() {
    }

    /** One request and what every store must answer: {@code scimType} null for none. */
    public record Case(String name, String method, String path, @Nullable String body, int status,
            @Nullable String scimType) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The table, as JUnit arguments (one {@link Case} each). */
    public static Stream<Arguments> cases() {
        return all().stream().map(Arguments::of);
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        // finding 5: U+0000 and unpaired surrogates, in every kind of string of a body
        cases.add(refused("userName with U+0000", "POST", "/Users", user("'userName':'a" + NUL + "b'")));
        cases.add(refused("userName with an unpaired high surrogate", "POST", "/Users", user("'userName':'a" + HIGH + "b'")));
        cases.add(refused("displayName with an unpaired low surrogate", "POST", "/Users",
                user("'userName':'bob','displayName':'" + LOW + "'")));
        cases.add(refused("externalId with U+0000", "POST", "/Users", user("'userName':'bob','externalId':'x" + NUL + "'")));
        cases.add(refused("emails.value with U+0000", "POST", "/Users",
                user("'userName':'bob','emails':[{'value':'b" + NUL + "@example.com'}]")));
        cases.add(refused("name.givenName with a surrogate", "POST", "/Users",
                user("'userName':'bob','name':{'givenName':'" + HIGH + "'}")));
        cases.add(refused("an unknown member name with U+0000", "POST", "/Users", user("'userName':'bob','x" + NUL + "y':'v'")));
        cases.add(refused("group displayName with U+0000", "POST", "/Groups", group("'displayName':'g" + NUL + "'")));
        cases.add(refused("members.display with U+0000", "POST", "/Groups",
                group("'displayName':'g2','members':[{'value':'{user}','display':'" + NUL + "'}]")));
        cases.add(refused("PUT userName with U+0000", "PUT", "/Users/{user}", user("'userName':'alice" + NUL + "'")));
        cases.add(refused("PUT members.display with a surrogate", "PUT", "/Groups/{group}",
                group("'displayName':'team','members':[{'value':'{user}','display':'d" + HIGH + "'}]")));
        cases.add(refused("PATCH displayName with U+0000", "PATCH", "/Users/{user}",
                patch("{'op':'replace','path':'displayName','value':'" + NUL + "'}")));
        cases.add(refused("PATCH without path, a surrogate", "PATCH", "/Users/{user}",
                patch("{'op':'replace','value':{'displayName':'" + HIGH + "'}}")));
        cases.add(refused("PATCH members add, display with U+0000", "PATCH", "/Groups/{group}",
                patch("{'op':'add','path':'members','value':[{'value':'{user}','display':'" + NUL + "'}]}")));
        cases.add(new Case("Bulk data with U+0000", "POST", "/Bulk", "{" + BULK + ",'Operations':[{'method':'POST',"
                + "'path':'/Users','bulkId':'b1','data':{" + USER + ",'userName':'c" + NUL + "'}}]}", 400, "invalidValue"));
        // finding 5: the same in filters
        cases.add(filter("filter with U+0000", "/Users", "userName eq \"a" + NUL + "b\""));
        cases.add(filter("members filter with U+0000", "/Groups", "members.display eq \"" + NUL + "\""));
        cases.add(filter("filter sw with U+0000", "/Users", "externalId sw \"" + NUL + "\""));
        cases.add(new Case("POST .search filter with U+0000", "POST", "/Users/.search",
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
                        + "\"filter\":\"userName eq \\\"a\\" + NUL + "b\\\"\"}", 400, "invalidFilter"));
        cases.add(new Case("PATCH path filter with U+0000", "PATCH", "/Users/{user}",
                patch("{'op':'remove','path':'emails[value eq \\\"\\" + NUL + "\\\"]'}"), 400, "invalidFilter"));
        // ids that no resource can have
        for (String method : List.of("GET", "PUT", "PATCH", "DELETE")) {
            String body = method.equals("PUT") ? user("'userName':'carol'")
                    : method.equals("PATCH") ? patch("{'op':'replace','path':'displayName','value':'x'}") : null;
            // an adapter hands over the path percent-decoded: %00 arrives as U+0000
            cases.add(new Case(method + " an id with U+0000", method, "/Users/a\u0000b", body, 404, null));
        }
        cases.add(new Case("Bulk DELETE of an id with U+0000", "POST", "/Bulk", "{" + BULK
                + ",'Operations':[{'method':'DELETE','path':'/Users/a" + NUL + "b'}]}", 404, null));
        // finding 6: over-long member fields and indexed strings
        String display = "'display':'" + "d".repeat(4001) + "'";
        String ref = "'$ref':'https://example.com/" + "r".repeat(4001 - 20) + "'";
        String type = "'type':'" + "t".repeat(601) + "'";
        for (String field : List.of(display, ref, type)) {
            String label = field.substring(1, field.indexOf("':"));
            String member = "{'value':'{user}'," + field + "}";
            cases.add(refused("POST members." + label + " too long", "POST", "/Groups",
                    group("'displayName':'g3','members':[" + member + "]")));
            cases.add(refused("PUT members." + label + " too long", "PUT", "/Groups/{group}",
                    group("'displayName':'team','members':[" + member + "]")));
            cases.add(refused("PATCH add members." + label + " too long", "PATCH", "/Groups/{group}",
                    patch("{'op':'add','path':'members','value':[" + member + "]}")));
            cases.add(refused("PATCH replace members." + label + " too long", "PATCH", "/Groups/{group}",
                    patch("{'op':'replace','path':'members','value':[" + member + "]}")));
            cases.add(new Case("Bulk members." + label + " too long", "POST", "/Bulk", "{" + BULK
                    + ",'Operations':[{'method':'POST','path':'/Groups','bulkId':'g','data':{" + GROUP
                    + ",'displayName':'g4','members':[" + member + "]}}]}", 400, "invalidValue"));
        }
        String long601 = "n".repeat(601);
        cases.add(refused("userName of 601", "POST", "/Users", user("'userName':'" + long601 + "'")));
        cases.add(refused("userName whose case-folded key is 900", "POST", "/Users", user("'userName':'" + "\uFB03".repeat(300) + "'")));
        cases.add(refused("externalId of 601", "POST", "/Users", user("'userName':'bob','externalId':'" + long601 + "'")));
        cases.add(refused("emails.value of 601", "POST", "/Users", user("'userName':'bob','emails':[{'value':'" + long601 + "'}]")));
        cases.add(refused("emails.type of 601", "POST", "/Users",
                user("'userName':'bob','emails':[{'value':'b@example.com','type':'" + long601 + "'}]")));
        cases.add(refused("group displayName of 601", "POST", "/Groups", group("'displayName':'" + long601 + "'")));
        cases.add(refused("PATCH userName of 601", "PATCH", "/Users/{user}",
                patch("{'op':'replace','path':'userName','value':'" + long601 + "'}")));
        cases.add(refused("PUT group displayName of 601", "PUT", "/Groups/{group}", group("'displayName':'" + long601 + "'")));
        // finding 7: dateTimes outside 0001-9999 in filters
        for (String instant : List.of("+294277-01-01T00:00:00Z", "-4714-01-01T00:00:00Z", "-4713-11-24T00:00:00Z",
                "+10000-01-01T00:00:00Z", "0000-12-31T23:59:59Z")) {
            cases.add(filter("meta.lastModified gt " + instant, "/Users", "meta.lastModified gt \"" + instant + "\""));
            cases.add(filter("meta.created lt " + instant, "/Groups", "meta.created lt \"" + instant + "\""));
        }
        // accepted at the limits, on every store (these passed before too: they show the limits are not off by one)
        cases.add(new Case("members fields at their limits", "POST", "/Groups", group("'displayName':'g5','members':[{'value':'{user}',"
                + "'display':'" + "d".repeat(4000) + "','type':'" + "t".repeat(600) + "','$ref':'https://example.com/"
                + "r".repeat(4000 - 20) + "'}]"), 201, null));
        cases.add(new Case("userName of 600", "POST", "/Users", user("'userName':'" + "n".repeat(600) + "'"), 201, null));
        cases.add(new Case("userName with a surrogate pair", "POST", "/Users", user("'userName':'a\\ud83d\\ude00b'"), 201, null));
        cases.add(new Case("filter with a surrogate pair", "GET", "/Users?filter="
                + encode("userName eq \"a\\ud83d\\ude00b\""), null, 200, null));
        cases.add(new Case("filter at 9999-12-31", "GET", "/Users?filter=" + encode("meta.lastModified gt \"9999-12-31T23:59:59Z\""),
                null, 200, null));
        cases.add(new Case("filter at 0001-01-01", "GET", "/Users?filter=" + encode("meta.created gt \"0001-01-01T00:00:00Z\""),
                null, 200, null));
        cases.add(new Case("filter with 24:00:00 and 12 fraction digits", "GET", "/Users?filter="
                + encode("meta.lastModified lt \"2999-12-31T24:00:00.000000000000Z\""), null, 200, null));
        return cases;
    }

    /**
     * Sends one case to a service in a fresh tenant holding a user "alice" and a group "team" with
     * her as member, and checks the answer; for a refused request, also that both listings are
     * unchanged (nothing was stored, nothing changed).
     */
    public static void check(ScimService service, Case rule) {
        ScimPrincipal principal = new ScimPrincipal("input-rules-" + UUID.randomUUID(), "client");
        String user = id(send(service, principal, "POST", "/Users", user("'userName':'alice'"), 201));
        String group = id(send(service, principal, "POST", "/Groups",
                group("'displayName':'team','members':[{'value':'" + user + "'}]"), 201));
        String before = snapshot(service, principal);
        String path = rule.path().replace("{user}", user).replace("{group}", group);
        String body = rule.body() == null ? null : rule.body().replace("{user}", user).replace("{group}", group);

        ScimResponse response = service.handle(request(principal, rule.method(), path, body));
        String text = new String(response.body(), StandardCharsets.UTF_8);

        int status = rule.method().equals("POST") && path.equals("/Bulk") && response.status() == 200
                ? operationStatus(text) : response.status();
        assertThat(status).as("%s %s answers %s: %s", rule.method(), rule.name(), rule.status(), text)
                .isEqualTo(rule.status());
        if (rule.scimType() != null) {
            assertThat(text).as("the scimType of %s", rule.name()).contains("\"scimType\":\"" + rule.scimType() + "\"");
        }
        assertThat(text).as("no internals in the answer").doesNotContainIgnoringCase("exception")
                .doesNotContainIgnoringCase("sql");
        if (rule.status() >= 400) {
            assertThat(snapshot(service, principal)).as("nothing stored or changed by %s", rule.name()).isEqualTo(before);
        }
    }

    private static Case refused(String name, String method, String path, String body) {
        return new Case(name, method, path, body, 400, "invalidValue");
    }

    private static Case filter(String name, String type, String filter) {
        return new Case(name, "GET", type + "?filter=" + encode(filter), null, 400, "invalidFilter");
    }

    private static String user(String attributes) {
        return "{" + USER + "," + attributes + "}";
    }

    private static String group(String attributes) {
        return "{" + GROUP + "," + attributes + "}";
    }

    private static String patch(String operation) {
        return "{" + PATCH + ",'Operations':[" + operation + "]}";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static int operationStatus(String bulkResponse) {
        Matcher status = STATUS.matcher(bulkResponse);
        assertThat(status.find()).as("a status in %s", bulkResponse).isTrue();
        return Integer.parseInt(status.group(1));
    }

    private static String snapshot(ScimService service, ScimPrincipal principal) {
        return send(service, principal, "GET", "/Users?count=100", null, 200)
                + send(service, principal, "GET", "/Groups?count=100", null, 200);
    }

    private static String send(ScimService service, ScimPrincipal principal, String method, String path,
            @Nullable String body, int expected) {
        ScimResponse response = service.handle(request(principal, method, path, body));
        String text = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.status()).as("%s %s: %s", method, path, text).isEqualTo(expected);
        return text;
    }

    private static String id(String resource) {
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(resource);
        assertThat(id.find()).as("an id in %s", resource).isTrue();
        return id.group(1);
    }

    private static ScimRequest request(ScimPrincipal principal, String method, String pathAndQuery, @Nullable String body) {
        int query = pathAndQuery.indexOf('?');
        ScimRequest request = ScimRequest.of(method, query < 0 ? pathAndQuery : pathAndQuery.substring(0, query), principal)
                .withQuery(query < 0 ? "" : pathAndQuery.substring(query + 1));
        if (body != null) {
            String json = body.startsWith("{\"") ? body : body.replace('\'', '"');
            request = request.withBody(json.getBytes(StandardCharsets.UTF_8))
                    .withHeaders(HttpHeaders.of("Content-Type", "application/scim+json"));
        }
        return request;
    }
}
