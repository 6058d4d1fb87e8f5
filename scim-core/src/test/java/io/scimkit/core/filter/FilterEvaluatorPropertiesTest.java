package io.scimkit.core.filter;

import static io.scimkit.core.filter.FilterEvaluatorTest.cmp;
import static io.scimkit.core.filter.FilterEvaluatorTest.path;
import static io.scimkit.core.filter.SampleResources.REGISTRY;
import static io.scimkit.core.filter.SampleResources.USER;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.NullValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Laws the evaluator must obey on any data, checked over seeded random users: {@code ne} is
 * {@code not eq} (K-12), {@code eq null} is {@code not pr} (K-16), a one-predicate value filter
 * equals the dotted path (P-FLT-11, P-FLT-13), and De Morgan holds for {@code and}/{@code or}.
 */
class FilterEvaluatorPropertiesTest {
    private static final FilterEvaluator USERS = FilterEvaluator.of(REGISTRY, USER);
    private static final String[] WORDS = {"work", "WORK", "home", "Home", "other", "", "a@x.com", "A@X.com"};
    private static final int USERS_PER_LAW = 300;

    @Test
    void notEqualIsTheNegationOfEqual() {
        forRandomUsers((random, body) -> {
            String path = pick(random, "title", "emails.type", "emails.value", "name.givenName", "userName");
            String word = WORDS[random.nextInt(WORDS.length)];
            boolean ne = USERS.matches(cmp(path, CompareOp.NE, word), body);
            boolean eq = USERS.matches(cmp(path, CompareOp.EQ, word), body);
            assertThat(ne).as("%s ne \"%s\" on %s", path, word, body).isEqualTo(!eq);
        });
    }

    @Test
    void equalsNullIsTheNegationOfPresent() {
        forRandomUsers((random, body) -> {
            String path = pick(random, "title", "emails", "emails.type", "name", "name.givenName", "userName");
            boolean eqNull = USERS.matches(cmp(path, CompareOp.EQ, null), body);
            boolean neNull = USERS.matches(cmp(path, CompareOp.NE, null), body);
            boolean present = USERS.matches(Filter.present(path(path)), body);
            assertThat(eqNull).as("%s eq null on %s", path, body).isEqualTo(!present);
            assertThat(neNull).as("%s ne null on %s", path, body).isEqualTo(present);
        });
    }

    @Test
    void aValueFilterWithOnePredicateEqualsTheDottedPath() {
        forRandomUsers((random, body) -> {
            String sub = pick(random, "type", "value");
            CompareOp op = pick(random, CompareOp.EQ, CompareOp.CO, CompareOp.SW, CompareOp.GT);
            String word = WORDS[random.nextInt(WORDS.length)];
            boolean bracketed = USERS.matches(Filter.valuePath(path("emails"), cmp(sub, op, word)), body);
            boolean dotted = USERS.matches(cmp("emails." + sub, op, word), body);
            assertThat(bracketed).as("emails[%s %s \"%s\"] on %s", sub, op, word, body).isEqualTo(dotted);
        });
    }

    @Test
    void deMorganHolds() {
        forRandomUsers((random, body) -> {
            Filter a = cmp("emails.type", CompareOp.EQ, WORDS[random.nextInt(WORDS.length)]);
            Filter b = cmp("title", CompareOp.CO, WORDS[random.nextInt(WORDS.length)]);
            boolean notAnd = USERS.matches(Filter.not(Filter.and(a, b)), body);
            boolean orNot = USERS.matches(Filter.or(Filter.not(a), Filter.not(b)), body);
            assertThat(notAnd).as("%s / %s on %s", a, b, body).isEqualTo(orNot);
        });
    }

    private static void forRandomUsers(Law law) {
        Random random = new Random(20240917L);
        for (int i = 0; i < USERS_PER_LAW; i++) {
            law.check(random, randomUser(random));
        }
    }

    /** A user whose optional parts are each absent, null, empty or filled with random words. */
    private static ComplexValue randomUser(Random random) {
        ComplexValue.Builder user = ComplexValue.builder().put("userName", WORDS[random.nextInt(WORDS.length)]);
        optional(random, user, "title", () -> StringValue.of(WORDS[random.nextInt(WORDS.length)]));
        optional(random, user, "name", () -> ComplexValue.builder()
                .put("givenName", WORDS[random.nextInt(WORDS.length)]).build());
        optional(random, user, "emails", () -> {
            List<ScimValue> emails = new ArrayList<>();
            int count = random.nextInt(4);
            for (int e = 0; e < count; e++) {
                ComplexValue.Builder email = ComplexValue.builder();
                optional(random, email, "type", () -> StringValue.of(WORDS[random.nextInt(WORDS.length)]));
                optional(random, email, "value", () -> StringValue.of(WORDS[random.nextInt(WORDS.length)]));
                emails.add(email.build());
            }
            return MultiValue.of(emails);
        });
        return user.build();
    }

    private static void optional(Random random, ComplexValue.Builder builder, String name, Value value) {
        switch (random.nextInt(4)) {
            case 0 -> builder.put(name, NullValue.INSTANCE);
            case 1, 2 -> builder.put(name, value.make());
            default -> {
                // absent
            }
        }
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    @FunctionalInterface
    private interface Law {
        void check(Random random, ComplexValue body);
    }

    @FunctionalInterface
    private interface Value {
        ScimValue make();
    }
}
