package io.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.dialect.DialectRule;
import io.scimkit.core.protocol.ScimPrincipal;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The audit line's fields and how untrusted parts of a request are reduced before they reach it. */
class AuditLogTest {
    private static final ScimPrincipal ACME = new ScimPrincipal("acme", "bearer token of tenant acme");

    @Test
    void aLineHasEveryFieldInOrder() {
        String line = AuditLog.line("req-1", ACME, "PATCH", "/Users/2819c223", null, 200, 4,
                Set.of(DialectRule.OP_CASE_INSENSITIVE));

        assertThat(line).isEqualTo("request=req-1 tenant=acme principal=\"bearer token of tenant acme\" method=PATCH "
                + "path=/Users/{id} id=2819c223 status=200 ms=4 rules=" + DialectRule.OP_CASE_INSENSITIVE.id());
    }

    @Test
    void anAnonymousRequestWithoutRulesHasDashes() {
        assertThat(AuditLog.line("r", null, "GET", "/Groups", null, 401, 0, Set.of()))
                .isEqualTo("request=r tenant=- principal=- method=GET path=/Groups id=- status=401 ms=0 rules=-");
    }

    @Test
    void aCreateTakesTheIdFromLocation() {
        assertThat(AuditLog.line("r", ACME, "POST", "/Users", "https://scim.example.com/scim/v2/Users/abc-1", 201, 1,
                Set.of())).contains(" path=/Users id=abc-1 status=201 ");
        assertThat(AuditLog.line("r", ACME, "POST", "/Users", null, 409, 1, Set.of())).contains(" id=- status=409 ");
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "''|/|-",
        "/|/|-",
        "/Users|/Users|-",
        "/Users/|/Users|-",
        "/Users/42|/Users/{id}|42",
        "/Groups/g%201|/Groups/{id}|g%201",
        "/Users/.search|/Users/.search|-",
        "/.search|/.search|-",
        "/Users/1/extra|/Users/{id}/...|1",
        "/<script>|/{unknown}|-"})
    void pathsBecomeTemplates(String raw, String template, String id) {
        AuditLog.PathShape shape = AuditLog.PathShape.of(raw);
        assertThat(shape.template()).isEqualTo(template);
        assertThat(shape.id() == null ? "-" : shape.id()).isEqualTo(id);
    }

    @Test
    void valuesAreBoundedPrintableAsciiWithoutLineBreaks() {
        assertThat(AuditLog.value("a\nb\"c\\d\u00e9")).isEqualTo("a?b?c?d?");
        assertThat(AuditLog.value("x".repeat(1000))).hasSize(128);
        assertThat(AuditLog.value(null)).isEqualTo("-");
        assertThat(AuditLog.value("")).isEqualTo("-");
        assertThat(AuditLog.value("two words")).isEqualTo("\"two words\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc-123", "4bf92f3577b34da6a3ce929d0e0e4736", "req.1:2_3", "a"})
    void aSaneRequestIdIsKept(String sent) {
        assertThat(AuditLog.requestId(sent)).isEqualTo(sent);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "line\nbreak", "quote\"", "semi;colon", "\u00e9t\u00e9"})
    void anInsaneRequestIdIsReplaced(String sent) {
        assertThat(AuditLog.requestId(sent)).isNotEqualTo(sent).matches("[0-9a-f-]{36}");
        assertThat(AuditLog.requestId("x".repeat(65))).matches("[0-9a-f-]{36}");
        assertThat(AuditLog.requestId(null)).matches("[0-9a-f-]{36}");
    }

    @Test
    void generatedRequestIdsAreDistinctRandomUuids() {
        Set<String> ids = IntStream.range(0, 1000).mapToObj(i -> AuditLog.requestId(null)).collect(Collectors.toSet());

        assertThat(ids).hasSize(1000).allSatisfy(id -> {
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).as("version of %s", id).isEqualTo(4);
            assertThat(uuid.variant()).as("variant of %s", id).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
        });
    }
}
