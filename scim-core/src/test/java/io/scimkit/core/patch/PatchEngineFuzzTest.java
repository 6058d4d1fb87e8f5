package io.scimkit.core.patch;

import static io.scimkit.core.patch.PatchJson.GROUP;
import static io.scimkit.core.patch.PatchJson.REGISTRY;
import static io.scimkit.core.patch.PatchJson.USER;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.DecimalValue;
import io.scimkit.core.value.IntegerValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.NullValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * PATCH requests built from fuzz data (ops, path strings, untyped values) applied to a fixed
 * User and Group under both presets: every outcome satisfies the {@link PatchOracle} (a valid
 * resource, or a 400 ScimException with the input untouched; never another exception).
 *
 * <p>Without {@code JAZZER_FUZZ=1} this replays the seed corpus under
 * {@code PatchEngineFuzzTestInputs/applyNeverFailsUnexpectedly/}; with it, Jazzer fuzzes for up
 * to five minutes.
 */
class PatchEngineFuzzTest {
    private static final String E = CoreSchemas.ENTERPRISE_USER_URN;
    private static final ScimResource FIXED_USER = PatchJson.resource("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s"],"id":"1","userName":"bjensen",
             "name":{"givenName":"Barbara","familyName":"Jensen"},"nickName":"Babs","active":true,
             "emails":[{"value":"a@x.org","type":"work","primary":true},{"value":"b@x.org","type":"home"}],
             "addresses":[{"type":"work","locality":"X"}],"groups":[{"value":"g1"}],
             "meta":{"resourceType":"User","created":"2024-01-01T00:00:00Z"},
             "%s":{"employeeNumber":"7","manager":{"value":"m1","displayName":"Boss"}}}""".formatted(E, E), USER);
    private static final ScimResource FIXED_GROUP = PatchJson.resource("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"g","displayName":"Guides",
             "members":[{"value":"u1","type":"User","display":"A"},{"value":"u2"}]}""", GROUP);
    private static final String[] OPS = {"add", "remove", "replace", "Add", "REPLACE"};
    private static final String[] PATHS = {"userName", "nickName", "name", "name.givenName", "emails",
        "emails[type eq \"work\"]", "emails[type eq \"work\"].value", "emails[type eq \"other\"].primary",
        "emails.primary", "addresses[type eq \"home\"].locality", "members", "members[value eq \"u1\"]",
        "members[value eq \"u3\"].display", "members[value eq \"u1\"].type", "displayName", "active", "id", "meta",
        "groups", "schemas", E, E + ":manager", E + ":manager.value", E + ":manager.displayName",
        E + ":employeeNumber", "x509Certificates", "phoneNumbers"};
    private static final String[] KEYS = {"value", "type", "primary", "display", "$ref", "givenName", "nickName",
        "userName", "emails", "members", "name", "active", "displayName", "manager", "employeeNumber", E, "id",
        "schemas", "meta"};

    @FuzzTest(maxDuration = "5m")
    void applyNeverFailsUnexpectedly(FuzzedDataProvider data) {
        PatchRequest request = request(data);
        for (PatchSettings settings : List.of(PatchSettings.strict(), PatchSettings.lenient())) {
            PatchOracle.check(REGISTRY, USER, settings, FIXED_USER, request);
            PatchOracle.check(REGISTRY, GROUP, settings, FIXED_GROUP, request);
        }
    }

    private static PatchRequest request(FuzzedDataProvider data) {
        int count = data.consumeInt(1, 4);
        List<PatchOperation> operations = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String op = data.consumeBoolean() ? data.pickValue(OPS) : data.consumeString(8);
            String path = switch (data.consumeInt(0, 3)) {
                case 0 -> null;
                case 1 -> data.consumeString(80);
                default -> data.pickValue(PATHS) + (data.consumeBoolean() ? "" : data.consumeString(12));
            };
            ScimValue value = data.consumeInt(0, 5) == 0 ? null : value(data, 3);
            operations.add(new PatchOperation(op, path, value));
        }
        return PatchRequest.of(operations);
    }

    private static ScimValue value(FuzzedDataProvider data, int depth) {
        switch (data.consumeInt(0, depth > 0 ? 7 : 5)) {
            case 0:
                return StringValue.of(data.consumeString(24));
            case 1:
                return BooleanValue.of(data.consumeBoolean());
            case 2:
                return IntegerValue.of(data.consumeLong());
            case 3:
                return DecimalValue.of(BigDecimal.valueOf(data.consumeLong(), data.consumeInt(-3, 3)));
            case 4:
                return NullValue.INSTANCE;
            case 5:
                return StringValue.of(data.pickValue(new String[] {"u1", "u3", "work", "home", "a@x.org", "true"}));
            case 6: {
                int size = data.consumeInt(0, 4);
                List<ScimValue> elements = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    elements.add(value(data, depth - 1));
                }
                return MultiValue.of(elements);
            }
            default: {
                ComplexValue.Builder object = ComplexValue.builder();
                int size = data.consumeInt(0, 4);
                for (int i = 0; i < size; i++) {
                    String key = data.consumeBoolean() ? data.pickValue(KEYS) : data.consumeString(16);
                    object.put(key, value(data, depth - 1));
                }
                return object.build();
            }
        }
    }
}
