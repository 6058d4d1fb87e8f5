package io.scimkit.examples.existing;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.filter.FilterParser;
import io.scimkit.core.filter.FilterSettings;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.StoreCapabilities;
import java.lang.reflect.Method;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips, with the reason, the tests of the current store contract suite that call a store directly
 * with what the store SPI now leaves to the core: a filter the store does not declare in
 * {@code capabilities()} (the core evaluates it, or asks for the declared conjunct of an
 * {@code and} and checks the rest), and a group's members inside the {@code ResourceCreate} body
 * (the core strips them and hands them over as {@code ResourceCreate.members()}). Remove it when
 * the suite goes through the core.
 */
final class LeftToTheCore implements ExecutionCondition {
    private static final StoreCapabilities DECLARED =
            new EmployeeStore(new JdbcDataSource(), SchemaRegistry.core()).capabilities();
    private static final String MEMBERS_IN_BODY = "creates a group with its members in the body; the core hands them"
            + " over as ResourceCreate.members()";
    private static final Map<String, String> TESTS = Map.of(
            "filtersThatNeedAScanAreStillExact", "filters on attributes the store does not declare; the core does",
            "createStoresTheMembersOfTheBody", MEMBERS_IN_BODY,
            "memberDeltasAddRemoveAndReplace", MEMBERS_IN_BODY,
            "groupsOfReflectsMembershipWithTheGroupsDisplayName", MEMBERS_IN_BODY,
            "membersExcludedByTheProjectionAreNotReturned", MEMBERS_IN_BODY);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String reason = context.getTestMethod().map(Method::getName).map(TESTS::get).orElse(null);
        if (reason != null) {
            return ConditionEvaluationResult.disabled("left to the core: " + reason);
        }
        if (context.getTestMethod().isPresent() && !declared(context.getDisplayName())) {
            return ConditionEvaluationResult.disabled("left to the core: the store does not declare the filter "
                    + context.getDisplayName());
        }
        return ConditionEvaluationResult.enabled("the store answers this itself");
    }

    /** Whether a parameterized test's display name, if it is a filter, is one the store declares. */
    private static boolean declared(String displayName) {
        try {
            return DECLARED.evaluates(FilterParser.parse(displayName, FilterSettings.lenient()));
        } catch (ScimException notAFilter) {
            return true;
        }
    }
}
