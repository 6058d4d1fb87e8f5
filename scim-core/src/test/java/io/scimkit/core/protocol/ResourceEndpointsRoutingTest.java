package io.scimkit.core.protocol;

import static io.scimkit.core.protocol.ScimTestClient.BASE;
import static io.scimkit.core.protocol.ScimTestClient.patchOp;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.protocol.ScimTestClient.Reply;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which paths the resource endpoints serve, the 405 answers for other methods (K-08), the
 * error shape (P-ERR) and a custom resource type going through every endpoint (P-EP-02).
 */
class ResourceEndpointsRoutingTest {
    private final ScimTestClient devices = Devices.client();

    @ParameterizedTest(name = "[{index}] {0} {1} -> {2}")
    @CsvSource({
        "POST, /Users, true",
        "POST, /users, true",
        "GET, /Users, false",
        "DELETE, /Users, true",
        "PUT, /Groups/, true",
        "GET, /Users/abc, true",
        "PUT, /Users/abc, true",
        "PATCH, /Groups/abc, true",
        "DELETE, /Devices/abc, true",
        "POST, /Users/abc, true",
        "HEAD, /Users/abc, true",
        "POST, /Users/.search, false",
        "GET, /Users/.search, false",
        "POST, /.search, false",
        "GET, /Me, false",
        "POST, /Bulk, false",
        "GET, /Schemas, false",
        "GET, /ServiceProviderConfig, false",
        "GET, /ResourceTypes/User, false",
        "GET, /Users/abc/def, false",
        "GET, /, false",
        "POST, /Unknown, false"})
    void servesExactlyTheSingleResourcePaths(String method, String path, boolean served) {
        ServiceConfig config = TestConfigs.inMemory(Devices.registry());
        ResourceEndpoints endpoints = new ResourceEndpoints(config);
        Exchange exchange = new Exchange(ScimRequest.of(method, path, devices.principal()), Dispatcher.segments(path),
                BASE, Instant.now(), config, new Events(List.of(), FailureLog.standard()));

        assertThat(endpoints.serves(exchange)).isEqualTo(served);
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource({
        "DELETE, /Users, 'GET, POST'",
        "PUT, /Groups, 'GET, POST'",
        "PATCH, /Devices, 'GET, POST'",
        "POST, /Users/abc, 'GET, PUT, PATCH, DELETE'",
        "OPTIONS, /Groups/abc, 'GET, PUT, PATCH, DELETE'"})
    void k08_otherMethodsAre405WithAllowAndAnErrorBody(String method, String path, String allow) {
        Reply reply = devices.send(method, path, "", null);

        reply.assertError(405, null);
        assertThat(reply.header("Allow")).isEqualTo(allow);
    }

    @Test
    void pEp02_customResourceTypeThroughEveryEndpoint() {
        Reply created = devices.post("/Devices", Devices.body("Laptop", "SN-1"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.id();
        assertThat(created.json().path("meta").path("resourceType").asText()).isEqualTo("Device");
        assertThat(created.header("Location")).isEqualTo(BASE + "/Devices/" + id);

        assertThat(devices.get("/Devices/" + id).json().path("serialNumber").asText()).isEqualTo("SN-1");
        assertThat(devices.patch("/Devices/" + id, patchOp("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"L2\"}"))
                .json().path("displayName").asText()).isEqualTo("L2");
        assertThat(devices.put("/Devices/" + id, Devices.body("L3", "SN-1")).json().path("displayName").asText())
                .isEqualTo("L3");
        devices.patch("/Devices/" + id, patchOp("{\"op\":\"replace\",\"path\":\"serialNumber\",\"value\":\"SN-9\"}"))
                .assertError(400, "mutability");
        devices.post("/Devices", "{\"schemas\":[\"" + Devices.URN + "\"]}").assertError(400, "invalidValue");
        assertThat(devices.delete("/Devices/" + id).status()).isEqualTo(204);
        devices.get("/Devices/" + id).assertError(404, null);
    }

    @Test
    void pErr01_02_errorBodiesAreScimErrorsWithStringStatus() {
        Reply reply = devices.get("/Users/nope").assertError(404, null);
        assertThat(reply.json().path("detail").asText()).doesNotContain("Exception");
    }

    @Test
    void payloadLimitIs413AndStoresNothing() {
        ScimTestClient small = ScimTestClient.create(builder -> builder.limits(ServiceLimits.defaults()
                .withMaxPayloadSize(64)));
        small.post("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\""
                + "x".repeat(100) + "\"}").assertError(413, null);
        assertThat(small.count("User")).isZero();
    }
}
