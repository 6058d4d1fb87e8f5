package io.scimkit.testkit.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Keeps secrets out of what the command line prints: picocli's error messages may quote any
 * argument (e.g. a token given where a URL was expected), so every message is scrubbed of the
 * token values found in the arguments and in {@code SCIM_TOKEN}.
 */
final class Redaction {
    static final String MASK = "****";
    private final List<String> secrets;

    private Redaction(List<String> secrets) {
        this.secrets = secrets;
    }

    /** The secrets in {@code --token X}, {@code --token=X} and the token variable. */
    static Redaction of(String[] args, Map<String, String> env) {
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals(CliParser.TOKEN_OPTION) && i + 1 < args.length) {
                secrets.add(args[i + 1]);
            } else if (arg.startsWith(CliParser.TOKEN_OPTION + "=")) {
                secrets.add(arg.substring(CliParser.TOKEN_OPTION.length() + 1));
            }
        }
        String fromEnv = env.get(CliParser.TOKEN_VARIABLE);
        if (fromEnv != null) {
            secrets.add(fromEnv);
        }
        // Longest first, so that a token containing another is masked whole.
        secrets.removeIf(String::isEmpty);
        secrets.sort(Comparator.comparingInt(String::length).reversed());
        return new Redaction(List.copyOf(secrets));
    }

    /** The text with every secret replaced by {@link #MASK}. */
    String scrub(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }
}
