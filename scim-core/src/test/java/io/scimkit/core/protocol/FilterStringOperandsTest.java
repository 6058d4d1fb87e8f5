package io.scimkit.core.protocol;

import static io.scimkit.core.protocol.ScimTestClient.USER_URN;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.dialect.DialectRule;
import io.scimkit.core.protocol.ScimTestClient.Reply;
import org.junit.jupiter.api.Test;

/**
 * Rule {@code filter-string-operands} through the query endpoints (RFC 7644 §3.4.2.2): the
 * lenient dialect answers {@code active eq "true"} and counts it, the strict one refuses it, and
 * a dateTime compared with a string is the RFC's own form in both. The operand-by-type table is
 * {@code FilterOperandTypesTest}.
 */
class FilterStringOperandsTest {

    @Test
    void lenientTypesTheOperandAndCountsIt() {
        ClientDialect dialect = ClientDialect.lenient();
        ScimTestClient client = withTwoUsers(dialect);

        Reply active = client.send("GET", "/Users", "filter=active+eq+%22True%22", null);
        assertThat(active.status()).as(active.text()).isEqualTo(200);
        assertThat(active.json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(active.json().path("Resources").get(0).path("userName").asText()).isEqualTo("on");

        Reply search = client.post("/Users/.search", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:"
                + "SearchRequest\"],\"filter\":\"active eq \\\"false\\\" or userName eq \\\"nobody\\\"\"}");
        assertThat(search.json().path("Resources").get(0).path("userName").asText()).isEqualTo("off");
        assertThat(dialect.stats().firings(DialectRule.FILTER_STRING_OPERANDS)).isEqualTo(2);

        client.send("GET", "/Users", "filter=active+eq+true", null);
        assertThat(dialect.stats().firings(DialectRule.FILTER_STRING_OPERANDS)).as("nothing to type").isEqualTo(2);
    }

    @Test
    void strictRefusesAStringForABoolean() {
        ScimTestClient client = withTwoUsers(ClientDialect.strict());
        client.send("GET", "/Users", "filter=active+eq+%22true%22", null).assertError(400, "invalidFilter");
    }

    @Test
    void aDateTimeIsComparedWithAStringInBothDialects() {
        for (ClientDialect dialect : new ClientDialect[] {ClientDialect.strict(), ClientDialect.lenient()}) {
            ScimTestClient client = withTwoUsers(dialect);
            Reply recent = client.send("GET", "/Users", "filter=meta.lastModified+gt+%222000-01-01T00:00:00Z%22", null);
            assertThat(recent.json().path("totalResults").asInt()).as(dialect.toString()).isEqualTo(2);
            Reply future = client.send("GET", "/Users", "filter=meta.lastModified+gt+%222999-01-01T00:00:00Z%22", null);
            assertThat(future.json().path("totalResults").asInt()).as(dialect.toString()).isZero();
        }
    }

    private static ScimTestClient withTwoUsers(ClientDialect dialect) {
        ScimTestClient client = ScimTestClient.create(dialect);
        for (String name : new String[] {"on", "off"}) {
            Reply created = client.post("/Users", "{\"schemas\":[\"" + USER_URN + "\"],\"userName\":\"" + name
                    + "\",\"active\":" + name.equals("on") + "}");
            assertThat(created.status()).as(created.text()).isEqualTo(201);
        }
        return client;
    }
}
