package io.scimkit.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.StringValue;
import org.junit.jupiter.api.Test;

/** The attribute paths a user update reports: names only, compared case-insensitively (RFC 7643 §2.1). */
class ChangeEventsTest {
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    @Test
    void reportsSubAttributesOfComplexAttributesAndExtensionAttributesByName() {
        ComplexValue before = ComplexValue.builder()
                .put("userName", "alice")
                .put("Name", ComplexValue.builder().put("givenName", "Alice").put("familyName", "Smith").build())
                .put("emails", MultiValue.of(ComplexValue.builder().put("value", "a@example.com").build()))
                .put(ENTERPRISE, ComplexValue.builder().put("department", "R&D")
                        .put("manager", ComplexValue.builder().put("value", "m1").build()).build())
                .put("meta", ComplexValue.builder().put("version", "W/\"1\"").build())
                .build();
        ComplexValue after = ComplexValue.builder()
                .put("username", "alice")
                .put("name", ComplexValue.builder().put("givenName", "Alicia").put("familyName", "Smith").build())
                .put("emails", MultiValue.of(ComplexValue.builder().put("value", "b@example.com").build()))
                .put(ENTERPRISE, ComplexValue.builder().put("department", "R&D")
                        .put("manager", ComplexValue.builder().put("value", "m2").build()).build())
                .put("meta", ComplexValue.builder().put("version", "W/\"2\"").build())
                .put("title", "Engineer")
                .put("active", BooleanValue.TRUE)
                .build();

        assertThat(ChangeEvents.changedPaths(before, after)).containsExactly("name.givenName", "emails",
                ENTERPRISE + ":manager", "title", "active");
        assertThat(ChangeEvents.changedPaths(after, before)).containsExactly("Name.givenName", "emails",
                ENTERPRISE + ":manager", "title", "active");
    }

    @Test
    void sameValuesAreNoChange() {
        ComplexValue body = ComplexValue.builder().put("displayName", StringValue.of("Engineering")).build();

        assertThat(ChangeEvents.changedPaths(body, body)).isEmpty();
    }
}
