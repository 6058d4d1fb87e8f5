package io.scimkit.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimkit.core.dialect.DialectRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link RequestObserver#andThen}: both observers hear of every request, in order, whatever the first does. */
class RequestObserverTest {
    private static final ScimRequest REQUEST = new ScimRequest("GET", "/Users", "", HttpHeaders.EMPTY,
            new byte[0], null, null);
    private static final ScimResponse RESPONSE = ScimResponse.json(200, "{}".getBytes());

    @Test
    void bothHearTheRequestInOrderAndTheTimedCallKeepsTheTime() {
        List<String> heard = new ArrayList<>();
        RequestObserver audit = (request, response, rules) -> heard.add("audit " + request.method());
        RequestObserver metrics = new RequestObserver() {
            @Override
            public void served(ScimRequest request, ScimResponse response, Set<DialectRule> firedRules) {
                heard.add("metrics untimed");
            }

            @Override
            public void served(ScimRequest request, ScimResponse response, Set<DialectRule> firedRules,
                    Duration elapsed) {
                heard.add("metrics " + elapsed.toMillis() + " ms");
            }
        };

        audit.andThen(metrics).served(REQUEST, RESPONSE, Set.of(), Duration.ofMillis(7));
        audit.andThen(metrics).served(REQUEST, RESPONSE, Set.of());

        assertThat(heard).containsExactly("audit GET", "metrics 7 ms", "audit GET", "metrics untimed");
    }

    @Test
    void theSecondIsToldWhenTheFirstFailsAndTheFirstFailureWins() {
        List<String> heard = new ArrayList<>();
        RequestObserver failing = (request, response, rules) -> {
            throw new IllegalStateException("audit sink closed");
        };
        RequestObserver alsoFailing = (request, response, rules) -> {
            heard.add("second");
            throw new IllegalArgumentException("meter registry closed");
        };

        assertThatThrownBy(() -> failing.andThen(alsoFailing).served(REQUEST, RESPONSE, Set.of(), Duration.ZERO))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("audit sink closed")
                .satisfies(thrown -> assertThat(thrown.getSuppressed()).singleElement()
                        .isInstanceOf(IllegalArgumentException.class));
        assertThat(heard).containsExactly("second");
    }

    @Test
    void aFailingSecondIsRethrownAfterTheFirstRan() {
        List<String> heard = new ArrayList<>();
        RequestObserver first = (request, response, rules) -> heard.add("first");
        RequestObserver failing = (request, response, rules) -> {
            throw new IllegalStateException("closed");
        };

        assertThatThrownBy(() -> first.andThen(failing).served(REQUEST, RESPONSE, Set.of()))
                .hasMessage("closed");
        assertThat(heard).containsExactly("first");
    }
}
