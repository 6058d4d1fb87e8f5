package io.scimkit.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.patch.internal.PrimaryRule;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.ResolvedAttribute;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.Schema;
import io.scimkit.core.schema.SchemaExtension;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.schema.UnknownAttributePolicy;
import io.scimkit.core.schema.internal.ValueConformer;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.NullValue;
import io.scimkit.core.value.ScimValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The oracle for generated and fuzzed PATCH requests: applying either returns a valid resource or
 * throws a 400 {@link ScimException}, and a failure leaves the input as it was (P-PAT-09).
 * "Valid" is checked independently of the engine: every member is an attribute of the type that
 * {@link ValueConformer} accepts, no {@code null}, {@code []} or {@code {}} is left anywhere
 * (S-ATTR-18), at most one element per attribute is primary (S-ATTR-14), required attributes stay
 * (P-PAT-19), and {@code schemas} is exactly the base URN plus the extensions present (P-PAT-13).
 */
final class PatchOracle {
    private static final ValueConformer CONFORMER = ValueConformer.of(UnknownAttributePolicy.REJECT);

    private PatchOracle() {
    }

    /** Applies the request and checks the outcome; returns the result, or {@code null} after an error. */
    static PatchResult check(SchemaRegistry registry, ResourceType type, PatchSettings settings,
            ScimResource resource, PatchRequest request) {
        ComplexValue before = resource.body();
        byte[] beforeJson = PatchJson.CODEC.write(resource);
        PatchResult result;
        try {
            result = PatchEngine.of(registry, type, settings).apply(resource, request);
        } catch (ScimException expected) {
            assertThat(expected.status()).as(expected.toString()).isEqualTo(400);
            assertThat(expected.scimType()).as(expected.toString()).isPresent();
            assertThat(resource.body()).isEqualTo(before);
            assertThat(PatchJson.CODEC.write(resource)).isEqualTo(beforeJson);
            return null;
        }
        assertThat(resource.body()).isEqualTo(before);
        if (!result.changed()) {
            assertThat(result.resource()).isSameAs(resource);
            assertThat(result.modified()).isEmpty();
        } else {
            assertThat(result.resource().body()).isNotEqualTo(before);
            assertThat(result.modified()).isNotEmpty();
        }
        validate(registry, type, result.resource());
        return result;
    }

    /** Checks that a resource is valid for its type in the sense described above. */
    static void validate(SchemaRegistry registry, ResourceType type, ScimResource resource) {
        ComplexValue body = resource.body();
        for (Map.Entry<String, ScimValue> member : body.attributes().entrySet()) {
            String key = member.getKey();
            ScimValue value = member.getValue();
            assertAssigned(key, value);
            Optional<Schema> extension = registry.extensionSchema(type, key);
            if (extension.isPresent()) {
                assertThat(value).as(key).isInstanceOf(ComplexValue.class);
                for (Map.Entry<String, ScimValue> attribute : ((ComplexValue) value).attributes().entrySet()) {
                    AttributeDefinition definition = extension.get().attribute(attribute.getKey())
                            .orElseThrow(() -> new AssertionError("unknown extension attribute " + attribute.getKey()));
                    conforms(definition, attribute.getValue(), key + ":" + attribute.getKey());
                }
                continue;
            }
            assertThat(AttributePath.isAttributeName(key)).as("member name " + key).isTrue();
            AttributeDefinition definition = registry.resolve(type, AttributePath.of(key))
                    .map(ResolvedAttribute::attribute)
                    .orElseThrow(() -> new AssertionError("unknown member " + key));
            conforms(definition, value, key);
        }
        for (AttributeDefinition required : registry.baseSchema(type).attributes()) {
            if (required.required()) {
                assertThat(body.getOrNull(required.name())).as("required " + required.name()).isNotNull();
            }
        }
        List<String> schemas = resource.schemas();
        assertThat(schemas).as("schemas").anyMatch(type.schema()::equalsIgnoreCase);
        int expected = 1;
        for (SchemaExtension extension : type.schemaExtensions()) {
            if (body.getOrNull(extension.schema()) != null) {
                expected++;
                assertThat(schemas).as("schemas lists " + extension.schema()).anyMatch(extension.schema()::equalsIgnoreCase);
            }
        }
        assertThat(schemas).as("schemas has nothing else").hasSize(expected);
    }

    private static void conforms(AttributeDefinition definition, ScimValue value, String name) {
        try {
            CONFORMER.conform(value, definition, name);
        } catch (ScimException invalid) {
            fail(name + " does not conform: " + invalid.detail() + " in " + value);
        }
        if (definition.multiValued() && value instanceof MultiValue multi) {
            long primaries = multi.values().stream().filter(PrimaryRule::isPrimary).count();
            assertThat(primaries).as("primary elements of " + name).isLessThanOrEqualTo(1);
        }
    }

    private static void assertAssigned(String name, ScimValue value) {
        if (value instanceof NullValue) {
            fail(name + " is null");
        } else if (value instanceof MultiValue multi) {
            assertThat(multi.values()).as(name + " is an empty array").isNotEmpty();
            multi.values().forEach(element -> assertAssigned(name + "[]", element));
        } else if (value instanceof ComplexValue complex) {
            assertThat(complex.isEmpty()).as(name + " is an empty object").isFalse();
            complex.attributes().forEach((sub, subValue) -> assertAssigned(name + "." + sub, subValue));
        }
    }
}
