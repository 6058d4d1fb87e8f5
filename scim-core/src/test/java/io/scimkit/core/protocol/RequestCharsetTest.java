package io.scimkit.core.protocol;

import static io.scimkit.core.protocol.ScimTestClient.PATCH_URN;
import static io.scimkit.core.protocol.ScimTestClient.USER_URN;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.dialect.DialectRule;
import io.scimkit.core.protocol.ScimTestClient.Reply;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Request bodies whose {@code Content-Type} declares a charset other than UTF-8 (RFC 7644 §3.8:
 * servers must accept UTF-8; nothing requires refusing a body that can be read as declared). One
 * row per body encoding and declared charset, through {@code POST /Users}, in both dialects.
 */
class RequestCharsetTest {

    /**
     * @param encoding how the body's bytes are produced
     * @param declared the charset parameter sent
     * @param userName the userName in the body
     * @param strict the strict dialect's status
     * @param lenient the lenient dialect's status
     * @param counted whether the lenient dialect counts rule {@code declared-request-charset}
     */
    @ParameterizedTest(name = "{0} body declared {1}: strict {3}, lenient {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # plain ASCII reads the same as declared and as UTF-8: both dialects, nothing counted
            US-ASCII     | ISO-8859-1   | conformance  | 201 | 201 | false
            US-ASCII     | iso-8859-1   | conformance  | 201 | 201 | false
            US-ASCII     | "ISO-8859-1" | conformance  | 201 | 201 | false
            US-ASCII     | windows-1252 | conformance  | 201 | 201 | false
            US-ASCII     | US-ASCII     | conformance  | 201 | 201 | false
            # the body is in the declared charset: decoded with it in both, nothing counted
            ISO-8859-1   | ISO-8859-1   | Zoë Müller   | 201 | 201 | false
            windows-1252 | windows-1252 | € sign       | 201 | 201 | false
            UTF-16       | UTF-16       | Zoë Müller   | 201 | 201 | false
            UTF-16LE     | UTF-16LE     | plain        | 201 | 201 | false
            # a UTF-8 body under an ASCII-compatible or unknown label: lenient reads it as UTF-8
            # (strict decodes the bytes as declared, so the name it stores is not this one)
            UTF-8        | ISO-8859-1   | Zoë Müller   | 201 | 201 | true
            UTF-8        | x-no-such-cs | Zoë Müller   | 415 | 201 | true
            US-ASCII     | x-no-such-cs | conformance  | 415 | 201 | true
            # cannot be read as declared: 415 in both
            ISO-8859-1   | x-no-such-cs | Zoë Müller   | 415 | 415 | false
            ISO-8859-1   | US-ASCII     | Zoë Müller   | 415 | 415 | false
            ISO-8859-1   | UTF-16       | Zoë          | 415 | 415 | false
            """)
    void createWithADeclaredCharset(String encoding, String declared, String userName, int strict, int lenient,
            boolean counted) {
        byte[] body = ("{\"schemas\":[\"" + USER_URN + "\"],\"userName\":\"" + userName + "\"}")
                .getBytes(Charset.forName(encoding));
        String contentType = "application/scim+json; charset=" + declared;

        ScimTestClient strictClient = ScimTestClient.create(ClientDialect.strict());
        Reply refusedOrCreated = strictClient.sendBytes("POST", "/Users", body, "Content-Type", contentType);
        assertThat(refusedOrCreated.status()).as(refusedOrCreated.text()).isEqualTo(strict);

        ClientDialect dialect = ClientDialect.lenient();
        ScimTestClient lenientClient = ScimTestClient.create(dialect);
        Reply reply = lenientClient.sendBytes("POST", "/Users", body, "Content-Type", contentType);
        assertThat(reply.status()).as(reply.text()).isEqualTo(lenient);
        if (lenient == 201) {
            assertThat(reply.json().path("userName").asText()).isEqualTo(userName);
            assertThat(lenientClient.get("/Users/" + reply.id()).json().path("userName").asText()).isEqualTo(userName);
        } else {
            assertThat(reply.json().path("status").asText()).isEqualTo("415");
            assertThat(reply.json().path("detail").asText()).contains("UTF-8").doesNotContain(declared);
            assertThat(lenientClient.count("User")).isZero();
        }
        assertThat(dialect.stats().firings(DialectRule.DECLARED_REQUEST_CHARSET)).isEqualTo(counted ? 1 : 0);
    }

    @Test
    void theRuleCanBeSwitchedOffAlone() {
        byte[] utf8 = "{\"schemas\":[\"%s\"],\"userName\":\"Zoë\"}".formatted(USER_URN)
                .getBytes(StandardCharsets.UTF_8);
        ScimTestClient client = ScimTestClient.create(ClientDialect.lenient().without("declared-request-charset"));
        client.sendBytes("POST", "/Users", utf8, "Content-Type", "application/scim+json; charset=x-no-such-cs")
                .assertError(415, null);
        Reply asDeclared = client.sendBytes("POST", "/Users", utf8, "Content-Type",
                "application/scim+json; charset=ISO-8859-1");
        assertThat(asDeclared.status()).isEqualTo(201);
        assertThat(asDeclared.json().path("userName").asText()).isEqualTo("ZoÃ«");
    }

    @Test
    void everyEndpointWithABodyReadsItTheSameWay() {
        ScimTestClient client = ScimTestClient.create(ClientDialect.lenient());
        String id = client.createUser("bjensen");
        String latin1 = "application/scim+json; charset=ISO-8859-1";

        Reply patched = client.sendBytes("PATCH", "/Users/" + id, latin1(ScimTestClient.patchOp(
                "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Zoë\"}")), "Content-Type", latin1);
        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(patched.json().path("displayName").asText()).isEqualTo("Zoë");

        Reply replaced = client.sendBytes("PUT", "/Users/" + id, latin1("{\"schemas\":[\"" + USER_URN
                + "\"],\"userName\":\"bjensen\",\"nickName\":\"Björn\"}"), "Content-Type", latin1);
        assertThat(replaced.status()).as(replaced.text()).isEqualTo(200);
        assertThat(replaced.json().path("nickName").asText()).isEqualTo("Björn");

        Reply found = client.sendBytes("POST", "/Users/.search", latin1("{\"schemas\":"
                + "[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],\"filter\":\"nickName eq \\\"Björn\\\"\"}"),
                "Content-Type", latin1);
        assertThat(found.status()).as(found.text()).isEqualTo(200);
        assertThat(found.json().path("totalResults").asInt()).isEqualTo(1);

        Reply bulk = client.sendBytes("POST", "/Bulk", latin1("{\"schemas\":"
                + "[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":[{\"method\":\"PATCH\","
                + "\"path\":\"/Users/" + id + "\",\"data\":{\"schemas\":[\"" + PATCH_URN + "\"],\"Operations\":"
                + "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Señor\"}]}}]}"), "Content-Type", latin1);
        assertThat(bulk.status()).as(bulk.text()).isEqualTo(200);
        assertThat(bulk.json().path("Operations").get(0).path("status").asText()).isEqualTo("200");
        assertThat(client.get("/Users/" + id).json().path("title").asText()).isEqualTo("Señor");
    }

    @Test
    void searchAndBulkRefuseWhatIsNotJsonLikeTheResourceEndpoints() {
        ScimTestClient client = ScimTestClient.create();
        client.sendBytes("POST", "/Users/.search", "filter=x".getBytes(StandardCharsets.US_ASCII),
                "Content-Type", "application/x-www-form-urlencoded").assertError(415, null);
        client.sendBytes("POST", "/Bulk", "<bulk/>".getBytes(StandardCharsets.US_ASCII),
                "Content-Type", "application/xml").assertError(415, null);
    }

    private static byte[] latin1(String json) {
        return json.getBytes(StandardCharsets.ISO_8859_1);
    }
}
