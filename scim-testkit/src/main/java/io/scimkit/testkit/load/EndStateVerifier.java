package io.scimkit.testkit.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimkit.testkit.target.TargetRequest;
import io.scimkit.testkit.target.TargetResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Checks a load run's end state over the SCIM API: every user of the run listed exactly once
 * (filter {@code userName sw "<prefix>"}, paged, RFC 7644 §3.4.2.2/§3.4.2.4) with the attributes the
 * create and the incremental cycle gave it; every group listed exactly once without members when
 * {@code excludedAttributes=members} asks so (§3.4.2.5, Q: Entra's "MultipleEntriesInResponse"),
 * and {@code GET /Groups/{id}} returning exactly its members, each once.
 */
final class EndStateVerifier {
    /** The page size asked for; a server may answer with smaller pages (§3.4.2.4). */
    static final int PAGE_SIZE = 1000;
    private static final Set<Integer> OK = Set.of(200);

    private final LoadPlan plan;
    private final WorkPool pool;
    private final LoadRequests requests;
    private final AtomicReferenceArray<@Nullable String> userIds;
    private final AtomicReferenceArray<@Nullable String> groupIds;
    private final ProblemLog problems = new ProblemLog();

    EndStateVerifier(LoadPlan plan, WorkPool pool, AtomicReferenceArray<@Nullable String> userIds,
            AtomicReferenceArray<@Nullable String> groupIds) {
        this.plan = plan;
        this.pool = pool;
        this.requests = new LoadRequests(plan);
        this.userIds = userIds;
        this.groupIds = groupIds;
    }

    /**
     * Runs the check in phases: the first user page (it tells how many pages there are), the other
     * user pages, the same for groups, then every group with its members.
     */
    Verification verify(PhaseRunner phases) {
        Map<String, List<JsonNode>> users = list(phases, "verify-users", RequestKind.VERIFY_USER_PAGE,
                requests::userPage, "userName");
        long usersFound = users.values().stream().mapToLong(List::size).sum();
        checkUsers(users);
        Map<String, List<JsonNode>> groups = list(phases, "verify-groups", RequestKind.VERIFY_GROUP_PAGE,
                requests::groupPage, "displayName");
        long groupsFound = groups.values().stream().mapToLong(List::size).sum();
        long memberships = checkGroups(phases, groups);
        return new Verification(usersFound, groupsFound, memberships, problems.count(), problems.kept());
    }

    /** All resources the paged query lists, by lower-cased name; duplicates stay in the lists. */
    private Map<String, List<JsonNode>> list(PhaseRunner phases, String phase, RequestKind kind,
            PageRequest pageRequest, String nameAttribute) {
        Map<String, List<JsonNode>> byName = new ConcurrentHashMap<>();
        AtomicLong total = new AtomicLong(-1);
        AtomicLong pageSize = new AtomicLong(PAGE_SIZE);
        // The first page says how many there are and how large the server's pages are.
        phases.run(phase + "-page1", 1, ignored -> {
            JsonNode page = page(kind, pageRequest.page(1, PAGE_SIZE), byName, nameAttribute);
            if (page != null) {
                total.set(ResponseBodies.totalResults(page));
                pageSize.set(ResponseBodies.resources(page).size());
            }
        });
        long totalResults = total.get();
        if (totalResults < 0) {
            problems.add(kind.label() + ": the first page has no totalResults (RFC 7644 §3.4.2)");
            return byName;
        }
        long size = pageSize.get();
        if (size == 0 && totalResults > 0) {
            problems.add(kind.label() + ": totalResults is " + totalResults + " but the first page is empty");
            return byName;
        }
        int remaining = size == 0 ? 0 : (int) ((totalResults - 1) / size);
        phases.run(phase + "-pages", remaining, k -> page(kind, pageRequest.page((int) (1 + (k + 1) * size), (int) size), byName,
                nameAttribute));
        return byName;
    }

    private @Nullable JsonNode page(RequestKind kind, TargetRequest request, Map<String, List<JsonNode>> byName,
            String nameAttribute) {
        TargetResponse response = pool.send(kind, request, OK);
        if (response == null) {
            problems.add(kind.label() + ": no page for " + request.pathAndQuery() + " (see the request problems)");
            return null;
        }
        JsonNode page = ResponseBodies.json(response);
        if (page == null) {
            problems.add(kind.label() + ": " + request.pathAndQuery() + " did not answer JSON");
            return null;
        }
        for (JsonNode resource : ResponseBodies.resources(page)) {
            String name = ResponseBodies.text(resource, nameAttribute);
            String key = name == null ? "(no " + nameAttribute + ")" : name.toLowerCase(Locale.ROOT);
            byName.computeIfAbsent(key, unused -> new CopyOnWriteArrayList<>()).add(resource);
        }
        return page;
    }

    private void checkUsers(Map<String, List<JsonNode>> listed) {
        Map<String, List<JsonNode>> remaining = new HashMap<>(listed);
        for (int i = 0; i < plan.users(); i++) {
            ExpectedUser expected = ExpectedUser.finalState(plan, i);
            List<JsonNode> found = remaining.remove(expected.userName().toLowerCase(Locale.ROOT));
            if (found == null) {
                problems.add("user " + expected.userName() + " is missing");
            } else if (found.size() > 1) {
                problems.add("user " + expected.userName() + " is listed " + found.size() + " times");
            } else {
                compare(expected, found.get(0), userIds.get(i));
            }
        }
        remaining.keySet().stream().sorted().forEach(name -> problems.add("user " + name
                + " is listed but this run never created it"));
    }

    private void compare(ExpectedUser expected, JsonNode user, @Nullable String createdId) {
        String who = "user " + expected.userName() + ": ";
        String id = ResponseBodies.text(user, "id");
        if (createdId != null && !createdId.equals(id)) {
            problems.add(who + "id is " + id + ", the create answered " + createdId);
        }
        same(who, "userName", expected.userName(), ResponseBodies.text(user, "userName"));
        same(who, "externalId", expected.externalId(), ResponseBodies.text(user, "externalId"));
        same(who, "displayName", expected.displayName(), ResponseBodies.text(user, "displayName"));
        JsonNode name = ResponseBodies.member(user, "name");
        same(who, "name.familyName", expected.familyName(), name == null ? null : ResponseBodies.text(name, "familyName"));
        same(who, "emails[type eq \"work\"].value", expected.workEmail(), workEmail(user));
        JsonNode enterprise = ResponseBodies.member(user, LoadRequests.ENTERPRISE_SCHEMA);
        same(who, "department", expected.department(),
                enterprise == null ? null : ResponseBodies.text(enterprise, "department"));
        JsonNode active = ResponseBodies.member(user, "active");
        if (active == null || !active.isBoolean() || active.booleanValue() != expected.active()) {
            problems.add(who + "active is " + (active == null ? "absent" : active.toString()) + ", expected "
                    + expected.active() + (expected.active() ? ""
                            : " (the disable PATCH sent the string \"False\", see Q2 in docs/entra-quirks.md)"));
        }
    }

    private void same(String who, String attribute, String expected, @Nullable String actual) {
        if (!expected.equals(actual)) {
            problems.add(who + attribute + " is " + (actual == null ? "absent" : "\"" + actual + "\"") + ", expected \""
                    + expected + "\"");
        }
    }

    private static @Nullable String workEmail(JsonNode user) {
        JsonNode emails = ResponseBodies.member(user, "emails");
        if (emails == null || !emails.isArray()) {
            return null;
        }
        for (JsonNode email : emails) {
            if ("work".equalsIgnoreCase(ResponseBodies.text(email, "type"))) {
                return ResponseBodies.text(email, "value");
            }
        }
        return null;
    }

    /** Checks the listing, then reads each group with its members; returns the member values found. */
    private long checkGroups(PhaseRunner phases, Map<String, List<JsonNode>> listed) {
        Map<String, List<JsonNode>> remaining = new HashMap<>(listed);
        List<Integer> readable = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int g = 0; g < plan.groups(); g++) {
            String name = plan.groupName(g);
            List<JsonNode> found = remaining.remove(name.toLowerCase(Locale.ROOT));
            if (found == null) {
                problems.add("group " + name + " is missing");
                continue;
            }
            if (found.size() > 1) {
                problems.add("group " + name + " is listed " + found.size() + " times");
                continue;
            }
            JsonNode group = found.get(0);
            if (ResponseBodies.member(group, "members") != null) {
                problems.add("group " + name + " is listed with members although excludedAttributes=members "
                        + "(RFC 7644 §3.4.2.5; Entra then fails with MultipleEntriesInResponse)");
            }
            String id = ResponseBodies.text(group, "id");
            String createdId = groupIds.get(g);
            if (id == null) {
                problems.add("group " + name + " is listed without an id");
                continue;
            }
            if (createdId != null && !createdId.equals(id)) {
                problems.add("group " + name + ": id is " + id + ", the create answered " + createdId);
            }
            readable.add(g);
            ids.add(id);
        }
        remaining.keySet().stream().sorted().forEach(name -> problems.add("group " + name
                + " is listed but this run never created it"));
        AtomicLong memberships = new AtomicLong();
        phases.run("verify-members", readable.size(), k -> memberships.addAndGet(checkMembers(readable.get(k),
                ids.get(k))));
        return memberships.get();
    }

    private long checkMembers(int g, String id) {
        String name = plan.groupName(g);
        TargetResponse response = pool.send(RequestKind.VERIFY_GROUP_GET, requests.groupGet(id), OK);
        JsonNode group = response == null ? null : ResponseBodies.json(response);
        if (group == null) {
            problems.add("group " + name + ": GET /Groups/" + id + " gave no group");
            return 0;
        }
        List<String> values = new ArrayList<>();
        JsonNode members = ResponseBodies.member(group, "members");
        if (members != null && members.isArray()) {
            members.forEach(member -> values.add(Objects.requireNonNullElse(ResponseBodies.text(member, "value"), "")));
        }
        Set<String> expected = new HashSet<>();
        for (int user : plan.members(g)) {
            String userId = userIds.get(user);
            if (userId != null) {
                expected.add(userId);
            }
        }
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (String value : values) {
            if (!seen.add(value)) {
                duplicates.add(value);
            }
        }
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(seen);
        Set<String> extra = new HashSet<>(seen);
        extra.removeAll(expected);
        if (!missing.isEmpty()) {
            problems.add("group " + name + " lacks " + missing.size() + " of its " + expected.size() + " members, e.g. "
                    + sample(missing) + " (lost member adds?)");
        }
        if (!extra.isEmpty()) {
            problems.add("group " + name + " has " + extra.size() + " members it was never given, e.g. " + sample(extra));
        }
        if (!duplicates.isEmpty()) {
            problems.add("group " + name + " lists " + duplicates.size() + " members twice, e.g. " + duplicates.get(0));
        }
        return values.size();
    }

    private static String sample(Set<String> values) {
        return values.stream().sorted().limit(3).toList().toString();
    }

    /** Builds the request for one page. */
    @FunctionalInterface
    interface PageRequest {
        TargetRequest page(int startIndex, int count);
    }

    /** Runs a phase of tasks on the pool, telling the listener. */
    @FunctionalInterface
    interface PhaseRunner {
        void run(String phase, int tasks, IntConsumer task);
    }
}
