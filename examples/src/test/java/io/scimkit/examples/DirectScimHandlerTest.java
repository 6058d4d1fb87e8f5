package io.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which requests {@link DirectScimHandler} leaves to Jersey, so that they keep Jersey's answers. */
class DirectScimHandlerTest {

    @ParameterizedTest
    @ValueSource(strings = {"/scim/v2/Users", "/scim/v2/Users/2819c223-7f76", "/scim/v2/Groups/a%20b", "/",
        "/scim/v2/Users/a:b@c!$&'()*+,=~"})
    void validUriPathsAreServedDirectly(String path) {
        assertThat(DirectScimHandler.plainPath(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"scim/v2/Users", "/scim/v2/Users;x=1", "/scim/v2/Users/a|b", "/scim/v2/Users/%zz",
        "/scim/v2/Users/%2", "/scim/v2/Users/a b", "/scim/v2/Users/{id}", "/scim/v2/Users/\"x\""})
    void pathsThatAreNoPlainUriPathsGoToJersey(String path) {
        assertThat(DirectScimHandler.plainPath(path)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/scim+json", "application/json", "*/*",
        "application/scim+json, application/json;q=0.9", "application/json; charset=utf-8; q=1.0",
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/json;x=\"a b\""})
    void acceptValuesEveryParserReadsAlikeAreServedDirectly(String accept) {
        assertThat(DirectScimHandler.plainAccept(accept)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!!/;;;", "application", "application/json;q=2", "application/json;q=abc",
        "application/json;", "application/json,,text/plain", "application/json;q=0.12345"})
    void acceptValuesJerseyMayRefuseGoToJersey(String accept) {
        assertThat(DirectScimHandler.plainAccept(accept)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/scim+json", "application/json", "application/scim+json; charset=utf-8"})
    void contentTypesEveryParserReadsAlikeAreServedDirectly(String type) {
        assertThat(DirectScimHandler.plainContentType(type)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application", "application/json;", "!!!/;;;", "application/json, text/plain"})
    void contentTypesJerseyMayRefuseGoToJersey(String type) {
        assertThat(DirectScimHandler.plainContentType(type)).isFalse();
    }

    @Test
    void otherResourcesClaimTheLiteralBeginningOfTheirPaths() {
        @jakarta.ws.rs.Path("health")
        final class Health {
        }
        @jakarta.ws.rs.Path("/items/{id}/parts")
        final class Items {
        }
        @jakarta.ws.rs.Path("scim/v2/extra/")
        final class Extra {
        }

        assertThat(JettyContainer.claimedByOthers(List.of(new Health(), new Items(), new Extra(), "not a resource")))
                .containsExactly("/health", "/items/", "/scim/v2/extra");
    }
}
