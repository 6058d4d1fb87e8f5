package io.scimkit.core.patch;

import static io.scimkit.core.patch.PatchJson.REGISTRY;
import static io.scimkit.core.patch.PatchJson.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.value.StringValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An engine keeps the paths it resolved and the value filters it compiled (RFC 7644 §3.5.2);
 * reusing it across requests must give the same results as a new engine, and a path that fails
 * must fail again on every request.
 */
class EngineReuseTest {
    private static final ScimResource ALICE = PatchJson.resource("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"1","userName":"alice",
             "emails":[{"value":"a@work.example","type":"work"},{"value":"a@home.example","type":"home"}]}""", USER);

    private static PatchRequest request(String path, String value) {
        return PatchRequest.of(List.of(PatchOperation.of(PatchOp.REPLACE, path, StringValue.of(value))));
    }

    @Test
    void aReusedEngineGivesWhatANewEngineGives() {
        PatchEngine reused = PatchEngine.of(REGISTRY, USER, PatchSettings.lenient());
        for (String type : List.of("work", "home", "work")) {
            PatchRequest request = request("emails[type eq \"" + type + "\"].value", type + "@new.example");
            PatchResult expected = PatchEngine.of(REGISTRY, USER, PatchSettings.lenient()).apply(ALICE, request);
            PatchResult actual = reused.apply(ALICE, request);
            assertThat(actual.resource()).isEqualTo(expected.resource());
            assertThat(actual.modified()).isEqualTo(expected.modified());
        }
    }

    @Test
    void aFailingPathFailsOnEveryRequest() {
        PatchEngine engine = PatchEngine.of(REGISTRY, USER, PatchSettings.strict());
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> engine.apply(ALICE, request("nosuchAttribute", "x")))
                    .isInstanceOfSatisfying(ScimException.class,
                            e -> assertThat(e.scimType()).contains(ScimErrorType.INVALID_PATH));
            assertThatThrownBy(() -> engine.apply(ALICE, request("emails[type eq ]", "x")))
                    .isInstanceOf(ScimException.class);
        }
    }

    @Test
    void pathsBeyondTheBoundAreStillResolved() {
        PatchEngine engine = PatchEngine.of(REGISTRY, USER, PatchSettings.lenient());
        for (int i = 0; i < PathResolver.MAX_KEPT + 10; i++) {
            String work = "w" + i + "@example.com";
            PatchResult result = engine.apply(ALICE, request("emails[value eq \"a@work.example\"].display", work));
            PatchResult other = engine.apply(ALICE, PatchRequest.of(List.of(
                    PatchOperation.of(PatchOp.REMOVE, "emails[value eq \"" + work + "\"]", null))));
            assertThat(result.changed()).isTrue();
            assertThat(other.changed()).isFalse();
        }
    }
}
