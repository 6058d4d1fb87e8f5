package io.scimkit.testkit.store;

import static io.scimkit.testkit.store.ContractFixtures.id;
import static io.scimkit.testkit.store.ContractFixtures.text;
import static io.scimkit.testkit.store.ContractFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.resource.Meta;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.MemberChanges;
import io.scimkit.core.store.Paging;
import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.store.ResourceDelete;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StorePage;
import io.scimkit.core.store.StoreQuery;
import io.scimkit.core.store.UserStore;
import io.scimkit.core.value.ScimValue;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The first part of the {@link StoreContract}, called on the SPI directly: {@code id} and
 * {@code meta}, every attribute coming back, versions and compare-and-swap (RFC 7644 §3.14),
 * hard delete (RFC 7644 §3.6), uniqueness (RFC 7643 §4.1.1) and tenants. It also holds the
 * override points. Extend {@link StoreContract}, not this class.
 */
public abstract class LifecycleContract {
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final Instant T1 = Instant.parse("2025-03-01T11:30:00Z");

    /** The schemas the stores are created with: {@link SchemaRegistry#core()}. */
    protected final SchemaRegistry registry = SchemaRegistry.core();
    final ContractFixtures fixtures = new ContractFixtures(registry);
    UserStore users;
    GroupStore groups;
    /** The tenant of this test: a fresh random one, or {@link StoreContext#DEFAULT_TENANT} in single-tenant mode. */
    String tenant = StoreContext.DEFAULT_TENANT;
    private @Nullable ContractStores stores;
    private @Nullable ContractClient client;

    LifecycleContract() {
    }

    /**
     * The stores to test, configured as the options say. Each test calls this once before it starts
     * (and once more, with {@code uniqueExternalId}, in the test of that option).
     *
     * <p>In multi-tenant mode (the default) each test uses a fresh random tenant, so the stores may
     * share one database across tests: that tenant must simply hold nothing yet. In single-tenant
     * mode ({@link #multiTenant()} returns {@code false}) every test uses
     * {@link StoreContext#DEFAULT_TENANT}, so every call must return empty stores: a fresh in-memory
     * database, or your tables truncated.
     */
    protected abstract ContractStores createStores(SchemaRegistry schemas, ContractOptions options);

    /**
     * Whether the stores keep tenants apart ({@link StoreContext#tenant()}); default {@code true}.
     * Return {@code false} for a single-tenant store that ignores the tenant: every test then runs in
     * {@link StoreContext#DEFAULT_TENANT}, the tests across tenants are skipped, and
     * {@link #createStores} must return empty stores each time.
     */
    protected boolean multiTenant() {
        return true;
    }

    /**
     * Whether the stores can be configured to keep {@code externalId} unique per tenant
     * ({@link ContractOptions#uniqueExternalId()}); default {@code true}. Return {@code false} to
     * skip that one test if your application never wants it.
     */
    protected boolean supportsUniqueExternalId() {
        return true;
    }

    @BeforeEach
    void createDefaultStores() {
        tenant = multiTenant() ? "tenant-" + UUID.randomUUID() : StoreContext.DEFAULT_TENANT;
        use(createStores(registry, ContractOptions.DEFAULTS));
    }

    /** Switches the test to these stores, which must hold nothing in the test's tenant. */
    void use(ContractStores created) {
        stores = Objects.requireNonNull(created, "createStores returned null");
        users = created.users();
        groups = created.groups();
        client = null;
        requireEmpty(users, userContext(), "User");
        requireEmpty(groups, groupContext(), "Group");
    }

    private void requireEmpty(ResourceStore store, StoreContext context, String type) {
        long count = store.search(context, new StoreQuery(null, null, new Paging.Index(1, 0))).totalResults();
        assertThat(count).as(multiTenant()
                ? "Tenants are apart: each test runs in a fresh tenant ('" + tenant + "'), where search(no filter) "
                        + "must find no " + type + " yet, but it found " + count + ". Keep every row under "
                        + "StoreContext.tenant() and confine every read and write to it; a store that serves one "
                        + "tenant only overrides multiTenant() to return false."
                : "Single-tenant mode (multiTenant() returns false) needs empty stores: createStores must return "
                        + "stores without data every time (a fresh in-memory database, or your tables truncated), but "
                        + "the " + type + " store already holds " + count + ".")
                .isZero();
    }

    /** A client of a service over the test's stores, as a principal of the test's tenant. */
    ContractClient scim() {
        if (client == null) {
            client = ContractClient.over(registry, Objects.requireNonNull(stores, "stores"), tenant);
        }
        return client;
    }

    /** Skips the rest of the test in single-tenant mode. */
    void requireMultiTenant(String what) {
        Assumptions.assumeTrue(multiTenant(), () -> "single-tenant mode (multiTenant() returns false): " + what
                + " is not checked");
    }

    /** Another tenant than the test's, as fresh as it. */
    String otherTenant() {
        return "other-" + tenant;
    }

    StoreContext userContext() {
        return fixtures.context(tenant, fixtures.userType, T0);
    }

    StoreContext userContext(Instant time) {
        return fixtures.context(tenant, fixtures.userType, time);
    }

    StoreContext groupContext() {
        return fixtures.context(tenant, fixtures.groupType, T0);
    }

    ScimResource createUser(String userName, String... extra) {
        return users.create(userContext(), ResourceCreate.of(fixtures.user(userName, extra)));
    }

    ScimResource createGroup(String displayName, List<String> memberIds) {
        return groups.create(groupContext(), fixtures.newGroup(displayName, memberIds));
    }

    ScimResource storedUser(String id, String rule) {
        return users.get(userContext(), id).orElseThrow(() -> new AssertionError(rule
                + "\n  but get() found no User with id '" + id + "' in tenant '" + tenant + "'"));
    }

    ScimResource storedGroup(String id, String rule) {
        return groups.get(groupContext(), id).orElseThrow(() -> new AssertionError(rule
                + "\n  but get() found no Group with id '" + id + "' in tenant '" + tenant + "'"));
    }

    /** Every resource search(no filter) lists in the test's tenant. */
    static List<ScimResource> listAll(ResourceStore store, StoreContext context) {
        return store.search(context, new StoreQuery(null, null, new Paging.Index(1, 10_000))).resources();
    }

    /**
     * Asserts that a store call fails with a {@link ScimException} of this status and scimType.
     *
     * @param rule the contract rule and what the store must do, for the failure message
     * @param type the {@code scimType}, or {@code null} for any
     */
    static void assertScimError(String rule, int status, @Nullable ScimErrorType type, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        String wanted = "ScimException " + status + (type == null ? "" : " " + type.token());
        assertThat(thrown).as(rule + "\n  expected a " + wanted + ", but the call "
                + (thrown == null ? "returned normally" : "threw " + thrown)).isInstanceOf(ScimException.class);
        ScimException error = (ScimException) thrown;
        assertThat(error.status()).as(rule + "\n  expected a " + wanted + ", but got " + error).isEqualTo(status);
        if (type != null) {
            assertThat(error.scimType()).as(rule + "\n  expected a " + wanted + ", but got " + error).contains(type);
        }
    }

    @Test
    @DisplayName("create assigns a new id and stamps meta.created, meta.lastModified and meta.version")
    void createAssignsIdAndMeta() {
        String rule = "create() assigns the id and stamps meta with the request time (StoreContext.requestTime()) "
                + "and a first version (Versions.weak(1))";
        ScimResource created = createUser("bjensen");
        assertThat(created.id()).as(rule + ": the returned user has no id").isPresent();
        assertThat(id(created)).as(rule + ": the id is blank").isNotBlank();
        Meta meta = created.meta().orElseThrow(() -> new AssertionError(rule + ": the returned user has no meta"));
        assertThat(meta.created()).as(rule + ": meta.created must be the request time").isEqualTo(T0);
        assertThat(meta.lastModified()).as(rule + ": meta.lastModified must be the request time").isEqualTo(T0);
        assertThat(meta.version()).as(rule + ": meta.version must be set").isNotBlank();
        assertThat(text(created, "userName")).as(rule + ": the returned user keeps its userName").contains("bjensen");
    }

    @Test
    @DisplayName("ids are unique and never reused")
    void idsAreUniqueAndNeverReused() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            ids.add(id(createUser("user" + i)));
        }
        assertThat(ids).as("create() assigns an id no other resource of the tenant has: 30 creates gave "
                + ids.size() + " distinct ids").hasSize(30);
        String deleted = id(createUser("deleted"));
        users.delete(userContext(), ResourceDelete.of(deleted));
        String next = id(createUser("deleted"));
        assertThat(next).as("an id is never reused (a client may still hold it): creating 'deleted' again after "
                + "deleting it must give another id than '" + deleted + "' (a UUID, or a sequence that never goes back)")
                .isNotEqualTo(deleted);
    }

    @Test
    @DisplayName("get returns every attribute that was stored, and nothing for an unknown id")
    void everyAttributeComesBack() {
        ScimResource sent = fixtures.richUser("bjensen@example.com");
        ScimResource created = users.create(userContext(), ResourceCreate.of(sent));
        ScimResource fetched = storedUser(id(created), "get() finds a user create() returned");
        assertSameAttributes(sent, created, "create() returns");
        assertSameAttributes(sent, fetched, "get() returns");
        ScimResource listed = listAll(users, userContext()).stream().filter(user -> id(created).equals(user.id().orElse(null)))
                .findFirst().orElseThrow(() -> new AssertionError("search(no filter) lists every user of the "
                        + "tenant, but not the one with id '" + id(created) + "'"));
        assertSameAttributes(sent, listed, "search() lists");
        assertThat(version(fetched)).as("get() returns the version create() returned").isEqualTo(version(created));
        assertThat(users.get(userContext(), "no-such-id")).as("get() of an id that does not exist is empty, "
                + "never an exception (the core answers 404)").isEmpty();
    }

    /** Every attribute of the body a store was given, except {@code schemas} (the core fills them), is in the result. */
    static void assertSameAttributes(ScimResource sent, ScimResource returned, String call) {
        for (Map.Entry<String, ScimValue> attribute : sent.body().attributes().entrySet()) {
            if (attribute.getKey().equalsIgnoreCase("schemas")) {
                continue;
            }
            Optional<ScimValue> back = returned.body().find(attribute.getKey());
            assertThat(back).as("every attribute the core hands a store comes back: " + call + " '"
                    + attribute.getKey() + "' changed or missing (keep the attributes you do not map to columns in a "
                    + "JSON column, e.g. with the core codec, and return them as they were)")
                    .contains(attribute.getValue());
        }
    }

    @Test
    @DisplayName("update replaces the attributes, keeps id and meta.created, and stamps meta.lastModified")
    void updateReplacesTheAttributes() {
        ScimResource created = createUser("bjensen", "\"nickName\":\"Babs\"", "\"title\":\"Guide\"");
        ScimResource updated = users.update(userContext(T1),
                ResourceUpdate.replace(id(created), version(created), fixtures.user("barbara", "\"title\":\"Boss\"")));
        String rule = "update() with a body replaces all the attributes (PUT, RFC 7644 §3.5.1)";
        assertThat(id(updated)).as(rule + " and keeps the id").isEqualTo(id(created));
        assertThat(text(updated, "userName")).as(rule + ": userName 'bjensen' becomes 'barbara'").contains("barbara");
        assertThat(text(updated, "title")).as(rule + ": title 'Guide' becomes 'Boss'").contains("Boss");
        assertThat(updated.get("nickName")).as(rule + ": nickName is not in the new body, so it is gone").isEmpty();
        Meta meta = updated.meta().orElseThrow(() -> new AssertionError(rule + ": the returned user has no meta"));
        assertThat(meta.created()).as(rule + " and keeps meta.created").isEqualTo(T0);
        assertThat(meta.lastModified()).as(rule + " and stamps meta.lastModified with the request time")
                .isEqualTo(T1);
        ScimResource fetched = storedUser(id(created), rule);
        assertThat(text(fetched, "userName")).as(rule + ": get() afterwards returns the new attributes")
                .contains("barbara");
        assertThat(fetched.get("nickName")).as(rule + ": get() afterwards has no nickName").isEmpty();
        assertThat(version(fetched)).as("get() returns the version update() returned").isEqualTo(version(updated));
    }

    @Test
    @DisplayName("every write gives the resource a version it never had")
    void everyWriteChangesTheVersion() {
        ScimResource user = createUser("bjensen");
        Set<String> versions = new HashSet<>();
        versions.add(version(user));
        for (int i = 0; i < 4; i++) {
            user = users.update(userContext(), ResourceUpdate.replace(id(user), version(user),
                    fixtures.user("bjensen", "\"nickName\":\"n" + i + "\"")));
            assertThat(versions.add(version(user))).as("every write gives a new meta.version, the ETag clients "
                    + "compare (RFC 7644 §3.14): update " + (i + 1) + " returned '" + version(user)
                    + "', which the user had before; keep a revision counter and return Versions.weak(revision)")
                    .isTrue();
        }
        String member = id(createUser("member"));
        ScimResource group = createGroup("team", List.of());
        Set<String> groupVersions = new HashSet<>(Set.of(version(group)));
        Map<String, MemberChanges> changes = new LinkedHashMap<>();
        changes.put("adding a member", ContractFixtures.adding(member));
        changes.put("removing it", MemberChanges.remove(Set.of(member)));
        changes.put("replacing the members", MemberChanges.replaceWith(ContractFixtures.memberElements(List.of(member))));
        changes.forEach((change, delta) -> {
            ScimResource changed = groups.update(groupContext(), ResourceUpdate.members(id(group), delta));
            String now = version(storedGroup(id(group), "a group stays after " + change));
            assertThat(groupVersions.add(now)).as("a change of members is a write too, so it gives the group a new "
                    + "meta.version: after " + change + " the group's version is '" + now + "', which it had before")
                    .isTrue();
            assertThat(version(changed)).as("update() returns the group as stored, with the version get() sees "
                    + "after " + change).isEqualTo(now);
        });
    }

    @Test
    @DisplayName("a write with a stale version fails with 412 and changes nothing")
    void staleVersionIsRefused() {
        ScimResource created = createUser("bjensen");
        ScimResource updated = users.update(userContext(), ResourceUpdate.replace(id(created), version(created),
                fixtures.user("bjensen2")));
        String stale = version(created);
        assertScimError("writes are compare-and-swap: update() with expectedVersion '" + stale + "' after the user "
                + "moved on to '" + version(updated) + "' must fail with 412 (Versions.requireMatch(current, expected, "
                + "what)) and change nothing", 412, null, () -> users.update(userContext(),
                ResourceUpdate.replace(id(created), stale, fixtures.user("bjensen3"))));
        assertScimError("writes are compare-and-swap: delete() with the stale expectedVersion '" + stale
                + "' must fail with 412 and delete nothing", 412, null,
                () -> users.delete(userContext(), new ResourceDelete(id(created), stale)));
        ScimResource current = storedUser(id(created), "a refused write changes nothing");
        assertThat(text(current, "userName")).as("a write refused with 412 changes nothing: userName must still be "
                + "'bjensen2'").contains("bjensen2");
        assertThat(version(current)).as("a write refused with 412 changes nothing, not even the version")
                .isEqualTo(version(updated));
    }

    @Test
    @DisplayName("a write with the current version, or without one, succeeds")
    void currentVersionIsAccepted() {
        ScimResource created = createUser("bjensen");
        ScimResource updated = users.update(userContext(), ResourceUpdate.replace(id(created), null,
                fixtures.user("bjensen2")));
        assertThat(text(updated, "userName")).as("update() with expectedVersion null skips the version check")
                .contains("bjensen2");
        ScimResource again = users.update(userContext(), ResourceUpdate.replace(id(created), version(updated),
                fixtures.user("bjensen3")));
        assertThat(text(again, "userName")).as("update() with the current version '" + version(updated)
                + "' succeeds").contains("bjensen3");
        users.delete(userContext(), new ResourceDelete(id(created), version(again)));
        assertThat(users.get(userContext(), id(created))).as("delete() with the current version '" + version(again)
                + "' deletes").isEmpty();
    }

    @Test
    @DisplayName("update and delete of an unknown id fail with 404")
    void unknownIdsAreNotFound() {
        assertScimError("update() of an id the tenant does not have fails with 404 (ScimException.notFound)", 404, null,
                () -> users.update(userContext(), ResourceUpdate.replace("no-such-id", null, fixtures.user("x"))));
        assertScimError("delete() of an id the tenant does not have fails with 404 (ScimException.notFound)", 404, null,
                () -> users.delete(userContext(), ResourceDelete.of("no-such-id")));
        assertScimError("update() of a group id the tenant does not have fails with 404", 404, null,
                () -> groups.update(groupContext(), ResourceUpdate.members("no-such-id",
                        ContractFixtures.adding("someone"))));
    }

    @Test
    @DisplayName("delete is hard: the resource is gone and its userName is free again")
    void deleteIsHard() {
        ScimResource created = createUser("bjensen");
        users.delete(userContext(), ResourceDelete.of(id(created)));
        String rule = "delete() removes the user for good (RFC 7644 §3.6)";
        assertThat(users.get(userContext(), id(created))).as(rule + ": get() must find nothing").isEmpty();
        assertThat(listAll(users, userContext())).as(rule + ": search(no filter) must not list it").isEmpty();
        assertScimError(rule + ": a second delete() fails with 404", 404, null,
                () -> users.delete(userContext(), ResourceDelete.of(id(created))));
        assertScimError(rule + ": update() fails with 404", 404, null, () -> users.update(userContext(),
                ResourceUpdate.replace(id(created), null, fixtures.user("bjensen"))));
        ScimResource again = createUser("BJensen");
        assertThat(text(again, "userName")).as(rule + " and frees its userName: creating 'BJensen' after deleting "
                + "'bjensen' succeeds (remove the unique key with the row)").contains("BJensen");
    }

    @Test
    @DisplayName("userName is unique per tenant without regard to case: 409 uniqueness")
    void userNameIsUniqueWithoutRegardToCase() {
        createUser("bjensen@example.com");
        assertScimError("userName uniqueness ignores case (RFC 7643 §4.1.1: userName is caseExact=false): creating "
                + "'BJensen@Example.COM' after 'bjensen@example.com' must fail with 409 uniqueness (keep "
                + "IndexKey.fold(userName) under a unique index per tenant, and turn its violation into "
                + "ScimException.uniqueness)", 409, ScimErrorType.UNIQUENESS,
                () -> createUser("BJensen@Example.COM"));
        ScimResource other = createUser("other");
        assertScimError("userName uniqueness ignores case on update too: renaming 'other' to 'BJENSEN@example.com' "
                + "must fail with 409 uniqueness", 409, ScimErrorType.UNIQUENESS, () -> users.update(userContext(),
                ResourceUpdate.replace(id(other), null, fixtures.user("BJENSEN@example.com"))));
        assertThat(text(storedUser(id(other), "a refused rename changes nothing"), "userName"))
                .as("an update refused with 409 changes nothing: userName must still be 'other'").contains("other");
    }

    @Test
    @DisplayName("a user may change the case of its own userName")
    void aUserMayChangeTheCaseOfItsOwnUserName() {
        ScimResource created = createUser("bjensen");
        ScimResource updated = users.update(userContext(), ResourceUpdate.replace(id(created), null,
                fixtures.user("BJensen")));
        assertThat(text(updated, "userName")).as("a user's own userName does not collide with itself: renaming "
                + "'bjensen' to 'BJensen' succeeds (exclude the row itself from the uniqueness check)")
                .contains("BJensen");
    }

    @Test
    @DisplayName("a group's displayName is unique per tenant without regard to case: 409 uniqueness")
    void groupDisplayNameIsUniqueWithoutRegardToCase() {
        createGroup("Admins", List.of());
        assertScimError("group displayName uniqueness ignores case (Entra ID matches groups by displayName): creating "
                + "'ADMINS' after 'Admins' must fail with 409 uniqueness (keep IndexKey.fold(displayName) under a "
                + "unique index per tenant)", 409, ScimErrorType.UNIQUENESS,
                () -> groups.create(groupContext(), fixtures.newGroup("ADMINS", List.of())));
        ScimResource sales = createGroup("Sales", List.of());
        assertScimError("group displayName uniqueness ignores case on update too: renaming 'Sales' to 'admins' must "
                + "fail with 409 uniqueness", 409, ScimErrorType.UNIQUENESS, () -> groups.update(groupContext(),
                ResourceUpdate.replace(id(sales), null, fixtures.group("admins"))));
    }

    @Test
    @DisplayName("externalId is not unique unless configured")
    void externalIdIsNotUniqueByDefault() {
        createUser("a", "\"externalId\":\"ext-1\"");
        ScimResource second = createUser("b", "\"externalId\":\"ext-1\"");
        assertThat(second.externalId()).as("externalId need not be unique (RFC 7643 §3.1): with "
                + "ContractOptions.uniqueExternalId() false, a second user with externalId 'ext-1' is created")
                .contains("ext-1");
    }

    @Test
    @DisplayName("externalId is unique when configured, and case-exact")
    void externalIdIsUniqueWhenConfigured() {
        Assumptions.assumeTrue(supportsUniqueExternalId(),
                "supportsUniqueExternalId() returns false: unique externalId is not checked");
        use(createStores(registry, new ContractOptions(true)));
        createUser("a", "\"externalId\":\"ext-1\"");
        assertScimError("with ContractOptions.uniqueExternalId() true, creating a second user with externalId 'ext-1' "
                + "must fail with 409 uniqueness", 409, ScimErrorType.UNIQUENESS,
                () -> createUser("b", "\"externalId\":\"ext-1\""));
        assertThat(createUser("c", "\"externalId\":\"EXT-1\"").externalId()).as("externalId is caseExact "
                + "(RFC 7643 §3.1), so 'EXT-1' is another value than 'ext-1' and may be created (key it with "
                + "IndexKey.of(true, value), not fold)").contains("EXT-1");
    }

    @Test
    @DisplayName("tenants are apart: nothing is seen or changed across tenants, and uniqueness is per tenant")
    void tenantsAreIsolated() {
        requireMultiTenant("tenant isolation");
        ScimResource mine = createUser("bjensen");
        ScimResource myGroup = createGroup("Admins", List.of(id(mine)));
        StoreContext other = fixtures.context(otherTenant(), fixtures.userType, T0);
        StoreContext otherGroups = fixtures.context(otherTenant(), fixtures.groupType, T0);
        String rule = "nothing crosses tenants (keep rows under StoreContext.tenant() and confine every call to it; a "
                + "store that serves one tenant only overrides multiTenant() to return false): tenant '" + otherTenant()
                + "' holds nothing, yet ";
        assertThat(users.get(other, id(mine))).as(rule + "get('" + id(mine) + "') there found something").isEmpty();
        assertThat(listAll(users, other)).as(rule + "search(no filter) there listed users").isEmpty();
        assertThat(groups.get(otherGroups, id(myGroup))).as(rule + "get() of the group found something").isEmpty();
        assertThat(groups.groupsOf(otherGroups, id(mine))).as(rule + "groupsOf() there listed groups").isEmpty();
        assertScimError(rule + "update() there did not fail with 404", 404, null, () -> users.update(other,
                ResourceUpdate.replace(id(mine), null, fixtures.user("stolen"))));
        assertScimError(rule + "delete() there did not fail with 404", 404, null,
                () -> users.delete(other, ResourceDelete.of(id(mine))));
        ScimResource theirs = users.create(other, ResourceCreate.of(fixtures.user("BJENSEN")));
        assertThat(text(theirs, "userName")).as("uniqueness is per tenant: another tenant may create 'BJENSEN' while "
                + "this one has 'bjensen' (make the tenant part of the unique key)").contains("BJENSEN");
        assertThat(users.get(other, id(theirs)).flatMap(found -> text(found, "userName"))).as("the other tenant "
                + "gets its own user back (ids may repeat across tenants; look rows up by tenant and id)")
                .contains("BJENSEN");
        assertThat(text(storedUser(id(mine), "the other tenant's writes leave this tenant alone"), "userName"))
                .as("writes in another tenant leave this tenant's user alone").contains("bjensen");
        StorePage mineListed = users.search(userContext(), new StoreQuery(null, null, new Paging.Index(1, 10)));
        assertThat(mineListed.totalResults()).as("search(no filter) counts this tenant's users only").isEqualTo(1);
    }
}
