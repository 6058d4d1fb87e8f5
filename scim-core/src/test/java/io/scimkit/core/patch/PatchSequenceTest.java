package io.scimkit.core.patch;

import static io.scimkit.core.patch.PatchJson.GROUP;
import static io.scimkit.core.patch.PatchJson.REGISTRY;
import static io.scimkit.core.patch.PatchJson.USER;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ScimValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 7644 §3.5.2: the operations of a request run in order, each on the result of the one
 * before. The engine keeps one working body per request (lists changed in place, indexes and
 * primary positions kept incrementally), so this differential property checks it against the
 * definition: a seeded random request answers as its operations applied one request each, in
 * order (the same resource, or the same error status and scimType). Lists are padded past the
 * index threshold so the incremental index is exercised.
 */
class PatchSequenceTest {
    private static final int RUNS_PER_SEED = 600;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3L, 77L, 20261206L})
    void aRequestAnswersAsItsOperationsOneByOne(long seed) {
        PatchGenerator generator = new PatchGenerator(seed);
        int compared = 0;
        for (int i = 0; i < RUNS_PER_SEED; i++) {
            boolean group = generator.nextBoolean();
            ResourceType type = group ? GROUP : USER;
            ScimResource resource = pad(group ? generator.group() : generator.user(), group, i);
            List<PatchOperation> operations = new ArrayList<>();
            for (int j = 0; j < 2; j++) {
                operations.addAll(generator.request(group).operations());
            }
            PatchSettings settings = generator.nextBoolean() ? PatchSettings.strict() : PatchSettings.lenient();
            PatchEngine engine = PatchEngine.of(REGISTRY, type, settings);
            Object whole = outcome(() -> engine.apply(resource, PatchRequest.of(operations)).resource());
            Object stepwise = outcome(() -> {
                ScimResource current = resource;
                for (PatchOperation operation : operations) {
                    current = engine.apply(current, PatchRequest.of(List.of(operation))).resource();
                }
                return current;
            });
            assertThat(whole).as("%s on %s", operations, resource.body()).isEqualTo(stepwise);
            if (whole instanceof List) {
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(RUNS_PER_SEED / 20);
    }

    @Test
    void laterOperationsSeeEarlierOnesOnALargeList() {
        ScimResource user = pad(PatchJson.resource("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"1","userName":"b"}""", USER), false, 1);
        PatchRequest request = PatchJson.request("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                 {"op":"add","path":"emails","value":[{"value":"n@x.org","type":"work","primary":true}]},
                 {"op":"remove","path":"emails[value eq \\"pad3@x.org\\"]"},
                 {"op":"add","path":"emails","value":[{"value":"PAD5@x.org","type":"other","primary":true},
                                                      {"value":"pad3@x.org","type":"other"}]},
                 {"op":"add","path":"emails","value":[{"value":"n@x.org","type":"work"}]}]}""");
        List<ScimValue> emails = ((MultiValue) PatchEngine.of(REGISTRY, USER, PatchSettings.strict())
                .apply(user, request).resource().body().getOrNull("emails")).values();
        assertThat(emails).hasSize(21);
        assertThat(emails.stream().filter(io.scimkit.core.patch.internal.PrimaryRule::isPrimary).toList())
                .singleElement().hasToString(PatchJson.value(PatchJson.tree(
                        "{\"value\":\"pad5@x.org\",\"type\":\"other\",\"primary\":true}")).toString());
    }

    /** The resource with 20 more emails (users) or members (groups), so lists pass the index threshold. */
    private static ScimResource pad(ScimResource resource, boolean group, int salt) {
        String name = group ? "members" : "emails";
        ComplexValue body = resource.body();
        List<ScimValue> elements = new ArrayList<>();
        if (body.getOrNull(name) instanceof MultiValue stored) {
            elements.addAll(stored.values());
        }
        for (int k = 0; k < 20; k++) {
            String json = group ? "{\"value\":\"pad" + k + "\",\"type\":\"User\"}"
                    : "{\"value\":\"pad" + k + "@x.org\",\"type\":\"other\",\"primary\":" + (k == salt % 20) + "}";
            elements.add(PatchJson.value(PatchJson.tree(json)));
        }
        if (!group && elements.stream().filter(io.scimkit.core.patch.internal.PrimaryRule::isPrimary).count() > 1) {
            elements.set(elements.size() - 20 + salt % 20, PatchJson.value(PatchJson.tree(
                    "{\"value\":\"pad" + (salt % 20) + "@x.org\",\"type\":\"other\"}")));
        }
        return ScimResource.of(body.with(name, MultiValue.of(elements)));
    }

    /** The body (schemas compared as a set), or the error's status and scimType. */
    private static Object outcome(java.util.function.Supplier<ScimResource> run) {
        try {
            ComplexValue body = run.get().body();
            Object schemas = body.getOrNull("schemas") instanceof MultiValue listed ? new HashSet<>(listed.values()) : null;
            return List.of(body.without("schemas"), Optional.ofNullable(schemas));
        } catch (ScimException failure) {
            return failure.status() + " " + failure.scimType().map(t -> t.token()).orElse("");
        }
    }
}
