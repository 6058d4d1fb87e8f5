package io.scimkit.testkit.store;

import io.scimkit.core.store.ResourceCreate;
import static io.scimkit.testkit.store.ContractFixtures.id;
import static io.scimkit.testkit.store.ContractFixtures.text;
import static io.scimkit.testkit.store.ContractFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.resource.Meta;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.MemberChanges;
import io.scimkit.core.store.Paging;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.ResourceDelete;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StoreQuery;
import io.scimkit.core.store.UserStore;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The first part of the {@link StoreContract}: create, get, update and delete; {@code id} and
 * {@code meta}; versions and compare-and-swap (P-VER); uniqueness (S-USR-01, K-45, K-49); tenant
 * isolation (DESIGN.md §4). Extend {@link StoreContract}, not this class.
 */
public abstract class LifecycleContract {
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final Instant T1 = Instant.parse("2025-03-01T11:30:00Z");

    /** The schemas the stores are created with. */
    protected final SchemaRegistry registry = SchemaRegistry.core();
    final ContractFixtures fixtures = new ContractFixtures(registry);
    UserStore users;
    GroupStore groups;
    String tenant = "";

    LifecycleContract() {
    }

    /**
     * New, empty stores configured as the options say. Each test calls this at least once, and
     * uses a fresh random tenant, so stores over one shared database work too.
     */
    protected abstract ContractStores createStores(SchemaRegistry schemas, ContractOptions options);

    /** Whether the group store drops a deleted user from groups' members (K-64); default {@code true}. */
    protected boolean removesDeletedUsersFromGroups() {
        return true;
    }

    /** Whether the stores can make {@code externalId} unique (K-49); default {@code true}. */
    protected boolean supportsUniqueExternalId() {
        return true;
    }

    @BeforeEach
    void createDefaultStores() {
        use(createStores(registry, ContractOptions.DEFAULTS));
        tenant = "tenant-" + UUID.randomUUID();
    }

    void use(ContractStores stores) {
        users = stores.users();
        groups = stores.groups();
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

    static void assertScimError(ThrowingCallable call, int status, ScimErrorType type) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ScimException.class, error -> {
            assertThat(error.status()).as("HTTP status").isEqualTo(status);
            assertThat(error.scimType()).as("scimType").contains(type);
        });
    }

    static void assertStatus(ThrowingCallable call, int status) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ScimException.class,
                error -> assertThat(error.status()).as("HTTP status").isEqualTo(status));
    }

    @Test
    void createAssignsIdAndMetaAndIgnoresClientIdAndMeta() {
        ScimResource created = createUser("bjensen", "\"id\":\"client-chosen\"",
                "\"meta\":{\"version\":\"W/\\\"client\\\"\",\"created\":\"2001-01-01T00:00:00Z\"}");
        assertThat(id(created)).isNotBlank().isNotEqualTo("client-chosen");
        Meta meta = created.meta().orElseThrow();
        assertThat(meta.resourceType()).isEqualTo("User");
        assertThat(meta.created()).isEqualTo(T0);
        assertThat(meta.lastModified()).isEqualTo(T0);
        assertThat(meta.version()).isNotBlank().isNotEqualTo("W/\"client\"");
        assertThat(text(created, "userName")).contains("bjensen");
    }

    @Test
    void getReturnsTheStoredResource() {
        ScimResource created = createUser("bjensen", "\"displayName\":\"Babs Jensen\"");
        ScimResource fetched = users.get(userContext(), id(created)).orElseThrow();
        assertThat(text(fetched, "userName")).contains("bjensen");
        assertThat(text(fetched, "displayName")).contains("Babs Jensen");
        assertThat(version(fetched)).isEqualTo(version(created));
        assertThat(users.get(userContext(), "no-such-id")).isEmpty();
    }

    @Test
    void createdIdsAreDistinct() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ids.add(id(createUser("user" + i)));
        }
        assertThat(ids).hasSize(50);
    }

    @Test
    void updateReplacesTheBodyAndKeepsIdAndCreated() {
        ScimResource created = createUser("bjensen", "\"nickName\":\"Babs\"");
        ScimResource replacement = fixtures.user("barbara", "\"id\":\"other\"",
                "\"meta\":{\"created\":\"2001-01-01T00:00:00Z\"}");
        ScimResource updated = users.update(userContext(T1),
                new ResourceUpdate(id(created), version(created), replacement, MemberChanges.NONE));
        assertThat(id(updated)).isEqualTo(id(created));
        assertThat(text(updated, "userName")).contains("barbara");
        assertThat(updated.get("nickName")).as("PUT replaces: nickName is gone").isEmpty();
        assertThat(updated.meta().orElseThrow().created()).isEqualTo(T0);
        assertThat(updated.meta().orElseThrow().lastModified()).isEqualTo(T1);
        assertThat(users.get(userContext(), id(created)).map(r -> text(r, "userName").orElse(""))).contains("barbara");
    }

    @Test
    void everyWriteChangesTheVersion() {
        // P-VER-09: any change to the stored representation changes the ETag.
        ScimResource user = createUser("bjensen");
        Set<String> versions = new HashSet<>();
        versions.add(version(user));
        for (int i = 0; i < 5; i++) {
            user = users.update(userContext(), new ResourceUpdate(id(user), version(user),
                    fixtures.user("bjensen", "\"nickName\":\"n" + i + "\""), MemberChanges.NONE));
            assertThat(versions.add(version(user))).as("version after write %d is new", i).isTrue();
        }
    }

    @Test
    void staleVersionIsRejectedAndNothingChanges() {
        // P-VER-06, P-DEL-05: If-Match with a stale version is 412 and the resource is unchanged.
        ScimResource created = createUser("bjensen");
        ScimResource updated = users.update(userContext(), new ResourceUpdate(id(created), version(created),
                fixtures.user("bjensen2"), MemberChanges.NONE));
        assertStatus(() -> users.update(userContext(), new ResourceUpdate(id(created), version(created),
                fixtures.user("bjensen3"), MemberChanges.NONE)), 412);
        assertStatus(() -> users.delete(userContext(), new ResourceDelete(id(created), version(created))), 412);
        ScimResource current = users.get(userContext(), id(created)).orElseThrow();
        assertThat(text(current, "userName")).contains("bjensen2");
        assertThat(version(current)).isEqualTo(version(updated));
    }

    @Test
    void currentVersionIsAcceptedAndNullSkipsTheCheck() {
        ScimResource created = createUser("bjensen");
        ScimResource updated = users.update(userContext(), new ResourceUpdate(id(created), null,
                fixtures.user("bjensen2"), MemberChanges.NONE));
        users.delete(userContext(), new ResourceDelete(id(created), version(updated)));
        assertThat(users.get(userContext(), id(created))).isEmpty();
    }

    @Test
    void unknownIdsAreNotFound() {
        // P-DEL-06, P-DEL-02.
        assertStatus(() -> users.update(userContext(), new ResourceUpdate("no-such-id", null, fixtures.user("x"),
                MemberChanges.NONE)), 404);
        assertStatus(() -> users.delete(userContext(), ResourceDelete.of("no-such-id")), 404);
    }

    @Test
    void deleteIsHardAndFreesTheUserName() {
        // P-DEL-02..04: gone for get, search, update and delete; the userName can be reused.
        ScimResource created = createUser("bjensen");
        users.delete(userContext(), ResourceDelete.of(id(created)));
        assertThat(users.get(userContext(), id(created))).isEmpty();
        assertThat(users.search(userContext(), new StoreQuery(ContractFixtures.filter("userName eq \"bjensen\""),
                null, new Paging.Index(1, 10))).totalResults()).isZero();
        assertStatus(() -> users.delete(userContext(), ResourceDelete.of(id(created))), 404);
        assertThat(id(createUser("BJensen"))).isNotEqualTo(id(created));
    }

    @Test
    void userNameIsUniqueWithoutRegardToCase() {
        // S-USR-01, K-45.
        createUser("bjensen@example.com");
        assertScimError(() -> createUser("BJensen@Example.COM"), 409, ScimErrorType.UNIQUENESS);
        ScimResource other = createUser("other");
        assertScimError(() -> users.update(userContext(), new ResourceUpdate(id(other), null,
                fixtures.user("BJENSEN@example.com"), MemberChanges.NONE)), 409, ScimErrorType.UNIQUENESS);
        assertThat(text(users.get(userContext(), id(other)).orElseThrow(), "userName")).contains("other");
    }

    @Test
    void aUserMayChangeTheCaseOfItsOwnUserName() {
        ScimResource created = createUser("bjensen");
        ScimResource updated = users.update(userContext(), new ResourceUpdate(id(created), null,
                fixtures.user("BJensen"), MemberChanges.NONE));
        assertThat(text(updated, "userName")).contains("BJensen");
    }

    @Test
    void groupDisplayNameIsUniqueWithoutRegardToCase() {
        groups.create(groupContext(), ResourceCreate.of(fixtures.group("Admins")));
        assertScimError(() -> groups.create(groupContext(), ResourceCreate.of(fixtures.group("ADMINS"))), 409, ScimErrorType.UNIQUENESS);
    }

    @Test
    void externalIdIsNotUniqueByDefault() {
        // RFC 7643 §3.1, K-49.
        createUser("a", "\"externalId\":\"ext-1\"");
        assertThat(createUser("b", "\"externalId\":\"ext-1\"").externalId()).contains("ext-1");
    }

    @Test
    void externalIdIsUniqueWhenConfigured() {
        assumeThat(supportsUniqueExternalId()).as("store supports unique externalId").isTrue();
        use(createStores(registry, new ContractOptions(true)));
        createUser("a", "\"externalId\":\"ext-1\"");
        assertScimError(() -> createUser("b", "\"externalId\":\"ext-1\""), 409, ScimErrorType.UNIQUENESS);
        // externalId is caseExact: another case is another value.
        assertThat(createUser("c", "\"externalId\":\"EXT-1\"").externalId()).contains("EXT-1");
    }

    @Test
    void tenantsAreIsolated() {
        ScimResource mine = createUser("bjensen");
        StoreContext other = fixtures.context("other-" + tenant, fixtures.userType, T0);
        assertThat(users.get(other, id(mine))).isEmpty();
        assertThat(users.search(other, new StoreQuery(null, null, new Paging.Index(1, 100))).totalResults()).isZero();
        assertThat(users.search(other, new StoreQuery(ContractFixtures.filter("userName eq \"bjensen\""), null,
                new Paging.Index(1, 100))).resources()).isEmpty();
        assertStatus(() -> users.update(other, new ResourceUpdate(id(mine), null, fixtures.user("stolen"),
                MemberChanges.NONE)), 404);
        assertStatus(() -> users.delete(other, ResourceDelete.of(id(mine))), 404);
        // The same userName may exist in another tenant: uniqueness is per tenant.
        ScimResource theirs = users.create(other, ResourceCreate.of(fixtures.user("BJENSEN")));
        assertThat(id(theirs)).isNotEqualTo(id(mine));
        assertThat(text(users.get(userContext(), id(mine)).orElseThrow(), "userName")).contains("bjensen");
    }
}
