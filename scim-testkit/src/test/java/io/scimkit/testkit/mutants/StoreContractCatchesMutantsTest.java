package io.scimkit.testkit.mutants;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.StoreCapabilities;
import io.scimkit.core.store.UserStore;
import io.scimkit.core.store.memory.InMemoryStores;
import io.scimkit.testkit.store.ContractOptions;
import io.scimkit.testkit.store.ContractStores;
import io.scimkit.testkit.store.MinimalStores;
import io.scimkit.testkit.store.MinimalStores.Flaw;
import io.scimkit.testkit.store.StoreContract;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The store contract suite tested: each deliberately broken store fails the tests of the rule it
 * breaks, with a message that names the rule, while the same tests pass for the unbroken store.
 * The suites run through the JUnit launcher; their classes are nested here so that the build
 * does not run them on their own.
 */
class StoreContractCatchesMutantsTest {

    /** The in-memory stores, with a mutant wrapped around one of them. */
    abstract static class InMemoryContract extends StoreContract {
        abstract UnaryOperator<UserStore> users();

        abstract UnaryOperator<GroupStore> groups();

        @Override
        protected ContractStores createStores(SchemaRegistry schemas, ContractOptions options) {
            InMemoryStores stores = InMemoryStores.create(schemas, options.uniqueExternalId());
            return new ContractStores(users().apply(stores.users()), groups().apply(stores.groups()));
        }
    }

    static class Unbroken extends InMemoryContract {
        @Override
        UnaryOperator<UserStore> users() {
            return UnaryOperator.identity();
        }

        @Override
        UnaryOperator<GroupStore> groups() {
            return UnaryOperator.identity();
        }
    }

    static class CaseSensitiveLookups extends Unbroken {
        @Override
        UnaryOperator<UserStore> users() {
            return CaseSensitiveUserNameStore::new;
        }
    }

    static class IgnoresRemoveMember extends Unbroken {
        @Override
        UnaryOperator<GroupStore> groups() {
            return IgnoresRemoveMemberStore::new;
        }
    }

    static class RemovesAllMembers extends Unbroken {
        @Override
        UnaryOperator<GroupStore> groups() {
            return RemovesAllMembersStore::new;
        }
    }

    static class LosesConcurrentAdds extends Unbroken {
        @Override
        UnaryOperator<GroupStore> groups() {
            return groups -> new LosesConcurrentAddsStore(groups, SchemaRegistry.core());
        }
    }

    /** The minimal store of the suite's own tests, with one flaw. */
    abstract static class FlawedMinimal extends StoreContract {
        abstract Flaw flaw();

        @Override
        protected ContractStores createStores(SchemaRegistry schemas, ContractOptions options) {
            return MinimalStores.create(StoreCapabilities.none(), false, options.uniqueExternalId(), flaw());
        }
    }

    static class Minimal extends FlawedMinimal {
        @Override
        Flaw flaw() {
            return Flaw.NONE;
        }
    }

    static class CaseSensitiveUniqueness extends FlawedMinimal {
        @Override
        Flaw flaw() {
            return Flaw.CASE_SENSITIVE_USER_NAMES;
        }
    }

    static class SameVersionOnMemberChange extends FlawedMinimal {
        @Override
        Flaw flaw() {
            return Flaw.SAME_VERSION_ON_MEMBER_CHANGE;
        }
    }

    static class UnstableOrder extends FlawedMinimal {
        @Override
        Flaw flaw() {
            return Flaw.UNSTABLE_ORDER;
        }
    }

    /** The minimal store claiming capabilities it does not have: it fails on what it cannot answer. */
    static class Overclaiming extends StoreContract {
        @Override
        protected ContractStores createStores(SchemaRegistry schemas, ContractOptions options) {
            return MinimalStores.create(StoreCapabilities.everything(), false, options.uniqueExternalId(), Flaw.NONE);
        }
    }

    /** A single-tenant store (it ignores the tenant) run in the default, multi-tenant mode. */
    static class TenantBlind extends StoreContract {
        @Override
        protected ContractStores createStores(SchemaRegistry schemas, ContractOptions options) {
            return MinimalStores.create(StoreCapabilities.none(), true, options.uniqueExternalId(), Flaw.NONE);
        }
    }

    /** A tenant-blind store shared by all tests, like one database, run in multi-tenant mode. */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class SharedTenantBlind extends StoreContract {
        private final ContractStores shared = MinimalStores.create(StoreCapabilities.none(), true, false, Flaw.NONE);

        @Override
        protected ContractStores createStores(SchemaRegistry schemas, ContractOptions options) {
            return shared;
        }
    }

    /** Single-tenant mode with stores that keep the previous test's data. */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class ReusedSingleTenant extends SharedTenantBlind {
        @Override
        protected boolean multiTenant() {
            return false;
        }
    }

    @Test
    void caseSensitiveUserNameLookupsAreCaught() {
        assertCaught(CaseSensitiveLookups.class, List.of("entraLookupsFindExactlyTheUser"),
                "The filter userName eq \"BJENSEN@Example.Com\" matches exactly one of three users",
                "capabilities() accept this filter, so the core passed it to search()");
    }

    @Test
    void ignoredMemberRemovalsAreCaught() {
        assertCaught(IgnoresRemoveMember.class, List.of("memberDeltasAddRemoveAndReplace",
                "memberPatchesThroughTheService"),
                "A group's members change by MemberChanges deltas",
                "PATCH remove members[value eq");
    }

    @Test
    void removingAllMembersInsteadOfTheListedOnesIsCaught() {
        assertCaught(RemovesAllMembers.class, List.of("memberDeltasAddRemoveAndReplace"),
                "Removing", "leaves the other two");
    }

    @Test
    void lostConcurrentMemberAddsAreCaught() {
        assertCaught(LosesConcurrentAdds.class, List.of("parallelMemberAddsAreAllKept"),
                "member changes are atomic");
    }

    @Test
    void caseSensitiveUserNameUniquenessIsCaught() {
        assertCaught(CaseSensitiveUniqueness.class, List.of("userNameIsUniqueWithoutRegardToCase"),
                "userName uniqueness ignores case", "IndexKey.fold(userName)");
    }

    @Test
    void memberChangesThatKeepTheVersionAreCaught() {
        assertCaught(SameVersionOnMemberChange.class, List.of("everyWriteChangesTheVersion",
                "deletingAUserRemovesItFromItsGroups"),
                "a change of members is a write too", "the group's ETag changes");
    }

    @Test
    void listingsInAnUnstableOrderAreCaught() {
        assertCaught(UnstableOrder.class, List.of("indexPagingThroughTheService"),
                "Paging.Index(startIndex, count)", "stable order");
    }

    @Test
    void aStoreThatIgnoresTheTenantFailsInMultiTenantMode() {
        assertCaught(TenantBlind.class, List.of("tenantsAreIsolated", "cursorsAreBoundToTheirTenant"),
                "nothing crosses tenants", "multiTenant()");
    }

    @Test
    void aStoreFailingOnAFilterItDeclaredIsShownWithItsException() {
        assertCaught(Overclaiming.class, List.of("entraLookupsFindExactlyTheUser"),
                "capabilities() accept this filter", "answered 500",
                "the store threw java.lang.ClassCastException", "at io.scimkit.testkit.store.MinimalStores");
    }

    @Test
    void aSharedStoreThatIgnoresTheTenantFailsBeforeTheTests() {
        assertCaught(SharedTenantBlind.class, List.of("createAssignsIdAndMeta", "idsAreUniqueAndNeverReused"),
                "each test runs in a fresh tenant", "overrides multiTenant() to return false");
    }

    @Test
    void singleTenantModeDemandsEmptyStores() {
        assertCaught(ReusedSingleTenant.class, List.of("createAssignsIdAndMeta", "idsAreUniqueAndNeverReused"),
                "Single-tenant mode (multiTenant() returns false) needs empty stores",
                "a fresh in-memory database, or your tables truncated");
    }

    /**
     * Runs the named tests of the contract against the mutant, which must fail at least one with
     * each phrase in its message, and against the same stores unbroken, which must pass them.
     */
    private static void assertCaught(Class<? extends StoreContract> mutant, List<String> tests, String... phrases) {
        TestExecutionSummary caught = run(mutant, tests);
        assertThat(caught.getTestsFoundCount()).as("the tests " + tests + " exist").isPositive();
        List<String> messages = caught.getFailures().stream()
                .map(failure -> String.valueOf(failure.getException().getMessage())).toList();
        assertThat(messages).as("the contract must fail " + mutant.getSimpleName()).isNotEmpty();
        for (String phrase : phrases) {
            assertThat(String.join("\n----\n", messages)).as("a failure of " + mutant.getSimpleName()
                    + " names the rule").contains(phrase);
        }
        Class<? extends StoreContract> unbroken = InMemoryContract.class.isAssignableFrom(mutant) ? Unbroken.class
                : Minimal.class;
        TestExecutionSummary control = run(unbroken, tests);
        assertThat(control.getTestsFailedCount()).as("the same tests pass for the unbroken stores: "
                + control.getFailures().stream().map(failure -> String.valueOf(failure.getException())).toList())
                .isZero();
        assertThat(control.getTestsSucceededCount()).as("the same tests ran for the unbroken stores").isPositive();
    }

    private static TestExecutionSummary run(Class<?> contract, List<String> tests) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (String test : tests) {
            List<Method> methods = ReflectionSupport.findMethods(contract, method -> method.getName().equals(test),
                    HierarchyTraversalMode.BOTTOM_UP);
            assertThat(methods).as("the contract has a test " + test).hasSize(1);
            request.selectors(DiscoverySelectors.selectMethod(contract, methods.get(0)));
        }
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request.build(), listener);
        return listener.getSummary();
    }
}
