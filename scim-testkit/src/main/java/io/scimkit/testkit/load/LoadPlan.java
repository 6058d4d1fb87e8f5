package io.scimkit.testkit.load;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * What the load mode provisions and how hard it pushes: {@code users} users, {@code groups} groups
 * of {@code membersPerGroup} members each, added {@code memberBatch} per PATCH, by
 * {@code concurrency} workers, optionally limited to {@code rate} requests per second overall; in
 * the incremental cycle {@code updateFraction} of the users get an update PATCH and
 * {@code disableFraction} are disabled.
 *
 * <p>Names are derived from {@code runId}, so every run creates new users and groups and a plan
 * can be replayed against the same server any number of times: user {@code i} is
 * {@code lt-<runId>-u000042@load.scimkit.example}, group {@code g} is {@code lt-<runId>-g0003}.
 * Group {@code g} has the users {@code (g × membersPerGroup + k) mod users} for
 * {@code k < membersPerGroup}: distinct within a group, and every user is in a group when
 * {@code groups × membersPerGroup ≥ users}.
 *
 * <p>Microsoft documents no batch size for member adds (Entra quirk Q19 in
 * {@code docs/entra-quirks.md}: no per-request maximum is published, the gallery only requires
 * several group memberships in a single PATCH); the default {@link #DEFAULT_MEMBER_BATCH} is this
 * testkit's choice.
 *
 * @param users how many users to create (at least 1)
 * @param groups how many groups to create (0 for none)
 * @param membersPerGroup members of each group (at most {@code users})
 * @param concurrency parallel workers, i.e. requests in flight at most
 * @param rate requests per second over all workers; 0 for no limit
 * @param memberBatch member values per add PATCH
 * @param updateFraction the share of users updated in the incremental cycle, 0 to 1
 * @param disableFraction the share of users disabled in the incremental cycle, 0 to 1
 * @param runId lower-case letters, digits and dashes that make this run's names unique
 */
public record LoadPlan(int users, int groups, int membersPerGroup, int concurrency, double rate, int memberBatch,
        double updateFraction, double disableFraction, String runId) {

    /** Member values per add PATCH unless chosen otherwise. */
    public static final int DEFAULT_MEMBER_BATCH = 50;
    /** The share of users updated in the incremental cycle unless chosen otherwise. */
    public static final double DEFAULT_UPDATE_FRACTION = 0.10;
    /** The share of users disabled in the incremental cycle unless chosen otherwise. */
    public static final double DEFAULT_DISABLE_FRACTION = 0.05;
    /** The domain of every generated user name (RFC 2606 reserves {@code .example}). */
    public static final String DOMAIN = "load.scimkit.example";
    private static final int MAX_USERS = 10_000_000;

    public LoadPlan {
        if (users < 1 || users > MAX_USERS) {
            throw new IllegalArgumentException("users is between 1 and " + MAX_USERS + ", not " + users);
        }
        if (groups < 0 || groups > 999_999) {
            throw new IllegalArgumentException("groups is between 0 and 999999, not " + groups);
        }
        if (membersPerGroup < 0 || membersPerGroup > users) {
            throw new IllegalArgumentException("members per group is between 0 and the number of users (" + users
                    + "), not " + membersPerGroup);
        }
        if (concurrency < 1 || concurrency > 1024) {
            throw new IllegalArgumentException("concurrency is between 1 and 1024, not " + concurrency);
        }
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate is a number of requests per second, 0 for no limit");
        }
        if (memberBatch < 1 || memberBatch > 10_000) {
            throw new IllegalArgumentException("member batch is between 1 and 10000, not " + memberBatch);
        }
        checkFraction(updateFraction, "update fraction");
        checkFraction(disableFraction, "disable fraction");
        if (!runId.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("a run id is 1 to 40 lower-case letters, digits and dashes: " + runId);
        }
    }

    /** A plan with a fresh run id, no rate limit and the default batch and fractions. */
    public static LoadPlan of(int users, int groups, int membersPerGroup, int concurrency) {
        return new LoadPlan(users, groups, membersPerGroup, concurrency, 0, DEFAULT_MEMBER_BATCH,
                DEFAULT_UPDATE_FRACTION, DEFAULT_DISABLE_FRACTION, newRunId());
    }

    /** Eight random hex digits. */
    public static String newRunId() {
        byte[] bytes = new byte[4];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A copy limited to this many requests per second (0: unlimited). */
    public LoadPlan withRate(double value) {
        return new LoadPlan(users, groups, membersPerGroup, concurrency, value, memberBatch, updateFraction,
                disableFraction, runId);
    }

    /** A copy with another member batch size. */
    public LoadPlan withMemberBatch(int value) {
        return new LoadPlan(users, groups, membersPerGroup, concurrency, rate, value, updateFraction, disableFraction,
                runId);
    }

    /** A copy with other incremental-cycle fractions. */
    public LoadPlan withFractions(double update, double disable) {
        return new LoadPlan(users, groups, membersPerGroup, concurrency, rate, memberBatch, update, disable, runId);
    }

    /** A copy with this run id. */
    public LoadPlan withRunId(String value) {
        return new LoadPlan(users, groups, membersPerGroup, concurrency, rate, memberBatch, updateFraction,
                disableFraction, value);
    }

    /** The prefix every user name of this run starts with. */
    public String userPrefix() {
        return "lt-" + runId + "-u";
    }

    /** The prefix every group name of this run starts with. */
    public String groupPrefix() {
        return "lt-" + runId + "-g";
    }

    /** The userName (and work e-mail) of user {@code i}. */
    public String userName(int i) {
        return userPrefix() + String.format(Locale.ROOT, "%07d", i) + "@" + DOMAIN;
    }

    /** The externalId of user {@code i}: a name-based UUID, as Entra sends its objectId. */
    public String userExternalId(int i) {
        return UUID.nameUUIDFromBytes(userName(i).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The displayName of group {@code g}. */
    public String groupName(int g) {
        return groupPrefix() + String.format(Locale.ROOT, "%06d", g);
    }

    /** The externalId of group {@code g}. */
    public String groupExternalId(int g) {
        return UUID.nameUUIDFromBytes(groupName(g).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The user indexes of group {@code g}'s members, in the order they are added. */
    public int[] members(int g) {
        int[] members = new int[membersPerGroup];
        long first = (long) g * membersPerGroup;
        for (int k = 0; k < membersPerGroup; k++) {
            members[k] = (int) ((first + k) % users);
        }
        return members;
    }

    /** Whether user {@code i} gets an update PATCH in the incremental cycle. */
    public boolean updated(int i) {
        return selected(i, updateFraction, 0);
    }

    /** Whether user {@code i} is disabled in the incremental cycle. */
    public boolean disabled(int i) {
        return selected(i, disableFraction, 1);
    }

    /** How many member-add PATCHes the plan sends. */
    public long memberPatches() {
        return (long) groups * ((membersPerGroup + memberBatch - 1) / memberBatch);
    }

    private static boolean selected(int i, double fraction, int offset) {
        if (fraction <= 0) {
            return false;
        }
        // Spread evenly: user i is selected when the running count floor((i + offset) × fraction) steps up.
        long before = (long) Math.floor((i + offset) * fraction);
        long after = (long) Math.floor((i + offset + 1) * fraction);
        return after > before;
    }

    private static void checkFraction(double value, String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " is between 0 and 1, not " + value);
        }
    }
}
