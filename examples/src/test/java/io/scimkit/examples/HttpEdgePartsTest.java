package io.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The pieces of the example server's HTTP hardening that need no socket. */
class HttpEdgePartsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} bytes after {1} ms at >= 1024 B/s: too slow = {2}")
    @CsvSource({"1, 500, false", "1, 1500, true", "1024, 1900, false", "1024, 2100, true",
        "10240, 10500, false", "0, 999, false", "0, 1001, true"})
    void aBodyHasAGraceSecondPlusOneSecondPerRateOfBytes(long bytes, long millis, boolean tooSlow) {
        assertThat(MinimumBodyRate.tooSlow(bytes, TimeUnit.MILLISECONDS.toNanos(millis), 1024)).isEqualTo(tooSlow);
    }

    @ParameterizedTest(name = "status {0}")
    @ValueSource(ints = {400, 404, 414, 431, 500, 503})
    void jettysErrorsAreScimErrorBodies(int status) throws Exception {
        JsonNode error = JSON.readTree(ScimErrorPages.body(status));
        assertThat(error.path("schemas").path(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(error.path("status").asText()).isEqualTo(String.valueOf(status));
        assertThat(error.path("detail").asText()).isNotBlank().doesNotContainIgnoringCase("jetty");
    }

    @ParameterizedTest(name = "status {0} is reported as 500")
    @ValueSource(ints = {0, 200, 302, 600})
    void aStatusThatIsNoErrorIsReportedAs500(int status) throws Exception {
        assertThat(JSON.readTree(ScimErrorPages.body(status)).path("status").asText()).isEqualTo("500");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"127.0.0.1, 127.0.0.1", "10.1.2.3, 10.1.2.3", "::1, [0:0:0:0:0:0:0:1]",
        "fe80::1%1, [fe80:0:0:0:0:0:0:1]"})
    void theConnectionsAddressIsALiteralAuthorityHost(String address, String host) throws Exception {
        InetSocketAddress local = new InetSocketAddress(InetAddress.getByName(address), 8080);
        assertThat(ConnectionAuthority.hostOf(local)).isEqualTo(host);
    }
}
