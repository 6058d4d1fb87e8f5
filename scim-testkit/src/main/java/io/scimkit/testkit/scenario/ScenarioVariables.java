package io.scimkit.testkit.scenario;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The variables of one scenario run and the placeholder expressions they answer:
 * <ul>
 *   <li>{@code name}: a variable a step captured (or the target set, such as {@code baseUrl});</li>
 *   <li>{@code unique:name}: {@code name-} followed by a token drawn once per run, the same on
 *       every use within the run, so a scenario can run again and again against one server without
 *       running into its own {@code userName}s (uniqueness is per tenant, RFC 7643 §4.1.1);</li>
 *   <li>{@code uuid}: a fresh random GUID on each use (Entra's Test Connection probe);</li>
 *   <li>{@code upper:expr}, {@code lower:expr}: the expression in upper or lower case (for the
 *       case-insensitivity checks of Entra quirk Q8 in {@code docs/entra-quirks.md}).</li>
 * </ul>
 * Thread-safe: the repetitions of a parallel step capture concurrently.
 */
public final class ScenarioVariables implements Placeholders {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int TOKEN_LENGTH = 10;

    private final String token;
    private final Map<String, String> values = new ConcurrentHashMap<>();

    private ScenarioVariables(String token) {
        this.token = token;
    }

    /** Fresh variables with a new random run token. */
    public static ScenarioVariables create() {
        StringBuilder token = new StringBuilder(TOKEN_LENGTH);
        for (int i = 0; i < TOKEN_LENGTH; i++) {
            token.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new ScenarioVariables(token.toString());
    }

    /** Fresh variables with this run token (reproducible values, for tests). */
    public static ScenarioVariables withToken(String token) {
        if (token.isEmpty()) {
            throw new IllegalArgumentException("a run token is not empty");
        }
        return new ScenarioVariables(token);
    }

    /** The token that makes this run's {@code unique:} values unique. */
    public String token() {
        return token;
    }

    /** Sets a variable. */
    public void put(String name, String value) {
        values.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    }

    /** Whether a variable is set. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    @Override
    public String valueOf(String expression) {
        int colon = expression.indexOf(':');
        String function = colon < 0 ? "" : expression.substring(0, colon);
        String argument = colon < 0 ? expression : expression.substring(colon + 1);
        switch (function) {
            case "unique":
                if (argument.isEmpty()) {
                    throw new UnresolvedPlaceholderException(expression, "unique: needs a name");
                }
                return argument + "-" + token;
            case "upper":
                return valueOf(argument).toUpperCase(Locale.ROOT);
            case "lower":
                return valueOf(argument).toLowerCase(Locale.ROOT);
            case "":
                if (expression.equals("uuid")) {
                    return UUID.randomUUID().toString();
                }
                String value = values.get(expression);
                if (value == null) {
                    throw new UnresolvedPlaceholderException(expression, "no step captured this variable");
                }
                return value;
            default:
                throw new UnresolvedPlaceholderException(expression,
                        "unknown function '" + function + "' (unique, upper, lower)");
        }
    }

    /** A view for one repetition of a repeated step: {@code i} is the repetition's index. */
    public Placeholders repetition(int index) {
        String text = Integer.toString(index);
        return expression -> expression.equals("i") ? text : valueOf(expression);
    }

    @Override
    public String toString() {
        return "ScenarioVariables[" + token + ", " + values.keySet() + "]";
    }
}
