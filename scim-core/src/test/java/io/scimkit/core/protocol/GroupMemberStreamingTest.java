package io.scimkit.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimkit.core.ScimService;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.memory.InMemoryStores;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A group's {@code members} cost memory bounded independently of the group's size: a single group
 * is streamed from the store to the response, a projection or filter that does not need the
 * members never loads them, and a response assembled in memory stays within
 * {@code maxMembersPerResponse} (400 {@code tooMany}, RFC 7644 §3.12).
 */
class GroupMemberStreamingTest {
    private static final int HUGE = 200_000;

    private MemberWalkingStore groups;
    private ScimTestClient client;

    private void start(boolean storeFilters, UnaryOperator<ScimService.Builder> configure) {
        SchemaRegistry registry = SchemaRegistry.core();
        InMemoryStores stores = InMemoryStores.create(registry);
        groups = new MemberWalkingStore(stores.groups(), storeFilters);
        ScimService service = configure.apply(ScimService.builder().baseUri(ScimTestClient.BASE).schemas(registry)
                .userStore(stores.users()).groupStore(groups)).build();
        client = new ScimTestClient(service, stores, io.scimkit.core.protocol.ScimPrincipal.of("test-client"));
    }

    /** Counts the bytes written and keeps none. */
    private static final class CountingSink extends OutputStream {
        final AtomicLong bytes = new AtomicLong();

        @Override
        public void write(int b) {
            bytes.incrementAndGet();
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.addAndGet(len);
        }
    }

    @Test
    void aHugeGroupIsWrittenWhileItsMembersAreRead() throws Exception {
        start(true, builder -> builder);
        String id = client.createGroup("huge");
        CountingSink sink = new CountingSink();
        AtomicLong writtenBeforeLastMember = new AtomicLong(-1);
        groups.huge(id, HUGE, index -> {
            if (index == HUGE - 1) {
                writtenBeforeLastMember.set(sink.bytes.get());
            }
        });

        ScimResponse response = client.get("/Groups/" + id).response();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.isStreamed()).isTrue();
        assertThat(response.header("ETag")).isPresent();
        response.writeBody(sink);

        // ~40 bytes per member: nearly all of the body left before the last member was read, so the
        // service never held the member list (nor its JSON) in memory.
        assertThat(writtenBeforeLastMember.get()).isGreaterThan(HUGE * 30L);
        assertThat(sink.bytes.get() - writtenBeforeLastMember.get()).isLessThan(64 * 1024);
        assertThat(groups.loadsWithMembers).hasValue(0);
    }

    @Test
    void aStreamedGroupReadsLikeALoadedOne() {
        start(true, builder -> builder);
        String alice = client.createUser("alice");
        String bob = client.createUser("bob");
        String id = client.createGroup("team", alice, bob);

        ScimTestClient.Reply whole = client.get("/Groups/" + id);
        assertThat(whole.response().isStreamed()).isTrue();
        assertThat(whole.memberIds()).containsExactly(alice, bob);
        List<String> names = new ArrayList<>();
        whole.json().fieldNames().forEachRemaining(names::add);
        assertThat(names).containsSubsequence("displayName", "members", "meta");
        client.patch("/Groups/" + id, ScimTestClient.patchOp("{\"op\":\"add\",\"path\":\"members\",\"value\":"
                + "[{\"value\":\"" + client.createUser("carol") + "\",\"display\":\"Carol\"}]}"));

        JsonNode values = client.send("GET", "/Groups/" + id, "attributes=members.value", null).json();
        assertThat(values.path("members")).hasSize(3);
        assertThat(values.path("members").get(2).has("value")).isTrue();
        assertThat(values.path("members").get(2).has("display")).isFalse();
        assertThat(values.has("displayName")).isFalse();

        ScimTestClient.Reply empty = client.get("/Groups/" + client.createGroup("empty"));
        assertThat(empty.json().has("members")).isFalse();
        assertThat(empty.json().path("displayName").asText()).isEqualTo("empty");
    }

    @Test
    void aProjectionWithoutMembersNeverReadsThem() {
        start(true, builder -> builder);
        String id = client.createGroup("team", client.createUser("alice"));
        groups.huge(id, HUGE, index -> {
            throw new AssertionError("members were read");
        });

        ScimTestClient.Reply excluded = client.send("GET", "/Groups/" + id, "excludedAttributes=members", null);
        ScimTestClient.Reply named = client.send("GET", "/Groups/" + id, "attributes=displayName", null);
        ScimTestClient.Reply list = client.send("GET", "/Groups", "excludedAttributes=members", null);

        assertThat(excluded.status()).isEqualTo(200);
        assertThat(excluded.response().isStreamed()).isFalse();
        assertThat(excluded.json().has("members")).isFalse();
        assertThat(named.json().path("displayName").asText()).isEqualTo("team");
        assertThat(list.json().path("Resources").get(0).has("members")).isFalse();
        assertThat(groups.loadsWithMembers).hasValue(0);
        assertThat(groups.walks).hasValue(0);
    }

    @Test
    void aMemberFilterTheCoreEvaluatesWalksMembersInsteadOfLoadingThem() {
        start(false, builder -> builder);
        String alice = client.createUser("alice");
        String other = client.createGroup("other", alice);
        String id = client.createGroup("huge");
        groups.huge(id, HUGE, index -> { });

        JsonNode found = client.send("GET", "/Groups",
                "filter=" + encode("members.display co \"Member 199999\"") + "&excludedAttributes=members", null)
                .json();

        assertThat(found.path("totalResults").asInt()).isEqualTo(1);
        assertThat(found.path("Resources").get(0).path("id").asText()).isEqualTo(id);
        assertThat(groups.loadsWithMembers).hasValue(0);
        assertThat(other).isNotEqualTo(id);
    }

    @Test
    void walkingMembersDecidesFiltersAsTheEvaluatorDoes() {
        // The same groups behind a store that evaluates every filter and one that leaves them to the core.
        List<String> filters = List.of("members.value eq \"%a\"", "members.display co \"li\"",
                "members.value ne \"%a\"", "members.display eq null", "members.display ne null", "members pr",
                "not (members.value eq \"%b\")", "members[value eq \"%a\" and display sw \"A\"]",
                "displayName eq \"empty\" or members.value eq \"%b\"", "members.value ne null",
                "members eq null");
        List<List<String>> answers = new ArrayList<>();
        for (boolean storeFilters : List.of(true, false)) {
            start(storeFilters, builder -> builder);
            String a = client.createUser("alice");
            String b = client.createUser("bob");
            client.createGroup("empty");
            client.post("/Groups", "{\"schemas\":[\"" + ScimTestClient.GROUP_URN + "\"],\"displayName\":\"named\","
                    + "\"members\":[{\"value\":\"" + a + "\",\"display\":\"Alice\"},{\"value\":\"" + b + "\"}]}");
            client.createGroup("justBob", b);
            List<String> answer = new ArrayList<>();
            for (String filter : filters) {
                String text = filter.replace("%a", a).replace("%b", b);
                ScimTestClient.Reply reply = client.send("GET", "/Groups", "filter=" + encode(text)
                        + "&attributes=displayName&sortBy=displayName", null);
                assertThat(reply.status()).as(text + ": " + reply.text()).isEqualTo(200);
                List<String> names = new ArrayList<>();
                reply.json().path("Resources").forEach(group -> names.add(group.path("displayName").asText()));
                answer.add(filter + " -> " + names);
            }
            answers.add(answer);
        }
        assertThat(answers.get(1)).containsExactlyElementsOf(answers.get(0));
        assertThat(groups.loadsWithMembers).hasValue(0);
    }

    @Test
    void aListOverTheMembersLimitIsTooManyAndTellsWhatToDo() {
        start(true, builder -> builder.limits(ServiceLimits.defaults().withMaxMembersPerResponse(5)));
        String alice = client.createUser("alice");
        String bob = client.createUser("bob");
        String carol = client.createUser("carol");
        client.createGroup("three", alice, bob, carol);
        String four = client.createGroup("four", alice, bob, carol, client.createUser("dave"));

        ScimTestClient.Reply all = client.get("/Groups").assertError(400, "tooMany");
        assertThat(all.json().path("detail").asText()).contains("excludedAttributes=members");
        assertThat(client.send("GET", "/Groups", "count=1", null).status()).isEqualTo(200);
        assertThat(client.send("GET", "/Groups", "excludedAttributes=members", null).status()).isEqualTo(200);
        // A single group is streamed: the limit does not apply to it.
        assertThat(client.get("/Groups/" + four).memberIds()).hasSize(4);
    }

    @Test
    void aPatchResponseWithMembersIsStreamed() {
        start(true, builder -> builder.patchResponse("Group", PatchResponse.RESOURCE));
        String alice = client.createUser("alice");
        String id = client.createGroup("huge");
        groups.huge(id, 3, index -> { });

        ScimTestClient.Reply reply = client.patch("/Groups/" + id, ScimTestClient.patchOp(
                "{\"op\":\"add\",\"path\":\"displayName\",\"value\":\"renamed\"}"));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.response().isStreamed()).isTrue();
        assertThat(reply.json().path("displayName").asText()).isEqualTo("renamed");
        assertThat(reply.memberIds()).containsExactly("member-0", "member-1", "member-2");
        assertThat(groups.loadsWithMembers).hasValue(0);
        assertThat(alice).isNotEmpty();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
