package io.scimkit.core.codec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.DateTimeValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ReferenceValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonColumnTest {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.core();
    private static final ResourceCodec CODEC = ResourceCodec.of(REGISTRY);
    private static final String ENTERPRISE = CoreSchemas.ENTERPRISE_USER_URN;
    private static final String FULL_USER = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s"],
             "id":"42","externalId":"0a21f0f2-8d2a-4f8e-bf98-7d2c0a9d4f10",
             "meta":{"resourceType":"User","version":"W/\\"3\\""},
             "userName":"Zoë.Ångström@example.com",
             "name":{"givenName":"Zoë","familyName":"Ångström","middleName":"日本"},
             "displayName":"Zoë Ångström 😀",
             "active":true,
             "emails":[{"value":"zoe@example.com","type":"work","primary":true},{"value":"z@home.example","type":"home"}],
             "%s":{"department":"Forschung & Entwicklung","employeeNumber":"701984"}}
            """.formatted(ENTERPRISE, ENTERPRISE);

    private static ScimResource user(String json) {
        return CODEC.read(json.getBytes(UTF_8), CoreSchemas.USER_RESOURCE_TYPE);
    }

    private static ScimResource withoutStoreOwned(ScimResource resource) {
        return resource.without("id").without("meta").without("members");
    }

    @Test
    void everythingWithoutColumnsRoundTrips() {
        JsonColumn json = JsonColumn.of(REGISTRY, "User");
        ScimResource original = user(FULL_USER);
        String text = json.write(original);
        assertThat(text).doesNotContain("\"id\"", "\"meta\"", "W/").contains("Zoë", "日本", "😀");
        assertThat(json.read(text)).isEqualTo(withoutStoreOwned(original));
    }

    @Test
    void columnPathsAreLeftOutAndComeBackFromTheColumnValues() {
        JsonColumn json = JsonColumn.of(REGISTRY, "User", "userName", "externalId", "name.givenName",
                "name.familyName", "active", ENTERPRISE + ":department");
        ScimResource original = user(FULL_USER);
        String text = json.write(original);
        ScimResource rest = user(text);
        assertThat(rest.get("userName")).isEmpty();
        assertThat(rest.get("externalId")).isEmpty();
        assertThat(rest.get("active")).isEmpty();
        assertThat(rest.get("name")).contains(ComplexValue.builder().put("middleName", "日本").build());
        assertThat(rest.get(ENTERPRISE)).contains(ComplexValue.builder().put("employeeNumber", "701984").build());
        assertThat(rest.get("emails")).isPresent();

        List<Object> values = json.values(original);
        assertThat(values).containsExactly("Zoë.Ångström@example.com", "0a21f0f2-8d2a-4f8e-bf98-7d2c0a9d4f10", "Zoë",
                "Ångström", true, "Forschung & Entwicklung");
        assertThat(json.read(text, values.toArray())).isEqualTo(withoutStoreOwned(original));
    }

    @Test
    void aComplexAttributeOrExtensionLeftEmptyDisappears() {
        JsonColumn json = JsonColumn.of(REGISTRY, "User", "name.givenName", "name.familyName",
                ENTERPRISE + ":department");
        ScimResource original = user("""
                {"userName":"bjensen","name":{"givenName":"Barbara","familyName":"Jensen"},
                 "%s":{"department":"Tour Operations"}}""".formatted(ENTERPRISE));
        String text = json.write(original);
        assertThat(text).isEqualTo("{\"userName\":\"bjensen\"}");
        assertThat(json.read(text, "Barbara", "Jensen", "Tour Operations")).isEqualTo(original);
    }

    @Test
    void nothingLeftIsNullAndNullReadsAsTheColumnsAlone() {
        JsonColumn json = JsonColumn.of(REGISTRY, "User", "schemas", "userName", "active");
        ScimResource original = user("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"7","meta":{"version":"W/\\"1\\""},
                 "userName":"bjensen","active":false}""");
        assertThat(json.write(original)).isNull();
        assertThat(json.read(null)).isEqualTo(ScimResource.of(ComplexValue.EMPTY));
        assertThat(json.read("  ")).isEqualTo(ScimResource.of(ComplexValue.EMPTY));
        ScimResource back = json.read(null, null, "bjensen", false);
        assertThat(back.body()).isEqualTo(ComplexValue.builder().put("userName", "bjensen").put("active", false).build());
    }

    @Test
    void schemasAreKeptUnlessTheyAreAColumn() {
        ScimResource original = user("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"a\"}");
        String text = JsonColumn.of(REGISTRY, "User", "userName").write(original);
        assertThat(text).isEqualTo("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]}");
    }

    @Test
    void idMetaAndMembersAreNeverWritten() {
        JsonColumn json = JsonColumn.of(REGISTRY, "Group", "displayName");
        ScimResource group = CODEC.read("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group",
                            "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
                 "id":"9","externalId":"e-1","displayName":"Admins","meta":{"resourceType":"Group"},
                 "members":[{"value":"1","type":"User"}]}""".getBytes(UTF_8), CoreSchemas.GROUP_RESOURCE_TYPE);
        String text = json.write(group);
        assertThat(text).doesNotContain("members", "\"id\"", "meta", "Admins").contains("ADSCIM", "e-1");
        ScimResource back = json.read(text, "Admins");
        assertThat(back).isEqualTo(group.without("id").without("meta").without("members"));
    }

    @Test
    void theColumnsWinOverTheText() {
        JsonColumn json = JsonColumn.of(REGISTRY, "User", "userName", "name.givenName", "nickName");
        String stale = "{\"userName\":\"old\",\"name\":{\"givenName\":\"Old\",\"familyName\":\"Jensen\"},\"nickName\":\"Babs\"}";
        ScimResource read = json.read(stale, "new", "New", null);
        assertThat(read.get("userName")).contains(StringValue.of("new"));
        assertThat(read.get("name")).contains(ComplexValue.builder().put("givenName", "New").put("familyName", "Jensen").build());
        assertThat(read.get("nickName")).as("a NULL column leaves the attribute unassigned").isEmpty();
    }

    @Test
    void plainValuesAreTypedByTheAttribute() {
        JsonColumn json = JsonColumn.of(REGISTRY, "User", "active", "profileUrl", "meta.created", "x509Certificates");
        Instant created = Instant.parse("2024-05-06T07:08:09.123456789Z");
        ScimResource read = json.read(null, true, "https://example.com/bjensen", created,
                MultiValue.of(ComplexValue.builder().put("value", "TUlJ").build()));
        assertThat(read.get("active")).contains(BooleanValue.TRUE);
        assertThat(read.get("profileUrl")).contains(ReferenceValue.of("https://example.com/bjensen"));
        assertThat(((ComplexValue) read.get("meta").orElseThrow()).getOrNull("created")).isEqualTo(DateTimeValue.of(created));
        List<Object> values = json.values(read);
        assertThat(values.subList(0, 3)).containsExactly(true, "https://example.com/bjensen", created);
        assertThat(values.get(3)).isInstanceOf(MultiValue.class);
        values.add("the list is the caller's");
        assertThat(values).hasSize(5);
    }

    @Test
    void unassignedColumnsAreNullValues() {
        JsonColumn json = JsonColumn.of(REGISTRY, "User", "userName", "name.givenName", ENTERPRISE + ":manager.value");
        List<Object> values = json.values(user("{\"userName\":\"a\",\"name\":null}"));
        assertThat(values).containsExactly("a", null, null);
    }

    @Test
    void pathsIgnoreCaseAndComeBackInCanonicalSpelling() {
        JsonColumn json = JsonColumn.of(REGISTRY, "user", "USERNAME", "Name.GivenName",
                ENTERPRISE.toUpperCase(java.util.Locale.ROOT) + ":Department");
        assertThat(json.columnPaths()).containsExactly("userName", "name.givenName", ENTERPRISE + ":department");
        ScimResource original = user("{\"userName\":\"a\",\"name\":{\"givenName\":\"B\"},\"%s\":{\"department\":\"C\"}}"
                .formatted(ENTERPRISE));
        assertThat(json.write(original)).isNull();
        assertThat(json.values(original)).containsExactly("a", "B", "C");
    }

    @Test
    void wrongConfigurationOrValuesAreRejected() {
        assertThatThrownBy(() -> JsonColumn.of(REGISTRY, "Device")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonColumn.of(REGISTRY, "User", "shoeSize")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shoeSize");
        assertThatThrownBy(() -> JsonColumn.of(REGISTRY, "User", "emails.value"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pick one with a filter");
        assertThatThrownBy(() -> JsonColumn.of(REGISTRY, "User", "name[givenName eq \"x\"].familyName"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only a multi-valued attribute");
        assertThatThrownBy(() -> JsonColumn.of(REGISTRY, "User", "emails[kind eq \"work\"].value"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("emails.kind");
        JsonColumn json = JsonColumn.of(REGISTRY, "User", "userName", "active");
        assertThatThrownBy(() -> json.read(null, "a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 column values");
        assertThatThrownBy(() -> json.read(null, "a", "yes")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("active");
    }

    @Test
    void aFilteredPathPicksOneValueAndTheElementKeepsTheRest() {
        JsonColumn json = JsonColumn.of(REGISTRY, "User", "userName", "emails[type eq \"work\"].value");
        ScimResource original = user("""
                {"userName":"bjensen","emails":[{"value":"b@home.example","type":"home"},
                 {"value":"Babs.Jensen@Example.com","type":"Work","primary":true},{"value":"second@work.example","type":"work"}]}""");
        assertThat(json.values(original)).containsExactly("bjensen", "Babs.Jensen@Example.com");
        String text = json.write(original);
        assertThat(text).isEqualTo("{\"emails\":[{\"value\":\"b@home.example\",\"type\":\"home\"},"
                + "{\"type\":\"Work\",\"primary\":true},{\"value\":\"second@work.example\",\"type\":\"work\"}]}");
        assertThat(json.read(text, json.values(original).toArray())).isEqualTo(original);
    }

    @Test
    void theColumnOfAFilteredPathWins() {
        JsonColumn json = JsonColumn.of(REGISTRY, "User", "emails[type eq \"work\"].value");
        String text = "{\"emails\":[{\"value\":\"b@home.example\",\"type\":\"home\"},{\"type\":\"work\",\"primary\":true}]}";
        ScimValue home = ComplexValue.builder().put("value", "b@home.example").put("type", "home").build();
        assertThat(json.read(text, "new@work.example").get("emails")).contains(MultiValue.of(home,
                ComplexValue.builder().put("type", "work").put("primary", true).put("value", "new@work.example").build()));
        assertThat(json.read(text, (Object) null).get("emails")).as("a NULL column removes the work email")
                .contains(MultiValue.of(home));
        assertThat(json.read("{\"emails\":[{\"value\":\"b@home.example\",\"type\":\"home\"}]}", "w@work.example")
                .get("emails")).as("a value only the column has is added")
                .contains(MultiValue.of(home, ComplexValue.builder().put("type", "work").put("value", "w@work.example").build()));
        assertThat(json.read(null, "w@work.example").get("emails"))
                .contains(MultiValue.of(ComplexValue.builder().put("type", "work").put("value", "w@work.example").build()));
        assertThat(json.read(null, (Object) null).get("emails")).isEmpty();
    }

    @Test
    void aFilteredPathComparesAsTheFilterAttributeSays() {
        // type is caseExact=false (RFC 7643 §4.1.2); the binary x509Certificates.value is caseExact (§2.3.6).
        JsonColumn json = JsonColumn.of(REGISTRY, "User", "phoneNumbers[TYPE EQ \"MOBILE\"].value", "x509Certificates[value eq \"TUlJ\"].display");
        assertThat(json.columnPaths()).containsExactly("phoneNumbers[type eq \"MOBILE\"].value",
                "x509Certificates[value eq \"TUlJ\"].display");
        ScimResource user = user("""
                {"phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}],
                 "x509Certificates":[{"value":"tulj","display":"lower"},{"value":"TUlJ","display":"exact"}]}""");
        assertThat(json.values(user)).containsExactly("+1 555 0100", "exact");
    }

    @Test
    void randomUnicodeSurvivesTheRoundTrip() {
        java.util.Random random = new java.util.Random(7);
        JsonColumn json = JsonColumn.of(REGISTRY, "User", "userName");
        for (int i = 0; i < 200; i++) {
            String text = randomText(random);
            ScimResource original = ScimResource.of(ComplexValue.builder().put("userName", "u" + i)
                    .put("displayName", text).put("nickName", StringValue.of(text + "\"\\\n")).build());
            assertThat(json.read(json.write(original), "u" + i)).as("text %s", Arrays.toString(text.codePoints().toArray()))
                    .isEqualTo(original);
        }
    }

    private static String randomText(java.util.Random random) {
        StringBuilder text = new StringBuilder();
        List<int[]> ranges = new ArrayList<>(List.of(new int[] {0x20, 0x7e}, new int[] {0xa0, 0x24f},
                new int[] {0x3040, 0x30ff}, new int[] {0x4e00, 0x9fff}, new int[] {0x1f300, 0x1f64f}, new int[] {0x1, 0x1f}));
        for (int i = 0; i < 1 + random.nextInt(12); i++) {
            int[] range = ranges.get(random.nextInt(ranges.size()));
            text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
        }
        return text.toString();
    }
}
