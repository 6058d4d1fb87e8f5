package io.scimkit.testkit.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.testkit.TestServices;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InProcessTargetTest {
    private final InProcessTarget target = InProcessTarget.of(TestServices.inMemory(ClientDialect.lenient()));

    @Test
    void validCredentialsAreThePrincipalAndOthersGet401() {
        assertThat(target.send(TargetRequest.get("/Users")).status()).isEqualTo(200);
        for (Credentials credentials : new Credentials[] {Credentials.WRONG, Credentials.NONE}) {
            TargetResponse response = target.send(new TargetRequest("GET", "/Users", "", Map.of(), new byte[0], credentials));
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("www-authenticate")).startsWith("Bearer");
        }
        assertThat(target.baseUri()).isEqualTo(TestServices.BASE);
        assertThat(target.describe()).contains(TestServices.BASE.toString());
    }
}
