package io.scimkit.examples;

import io.scimkit.core.event.ProvisioningListener;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.jdbc.JdbcStoreOptions;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code --store jdbc:postgresql://host[:port]/database}: the JDBC store ({@code scim-jdbc}) on
 * PostgreSQL, which any number of example servers may share. The user and password come from the
 * URL ({@code user=}/{@code password=} parameters, or {@code //user:password@host}) or else from
 * {@code SCIM_DB_USER}/{@code SCIM_DB_PASSWORD}; they are taken out of the URL before it reaches
 * the pool, and the password is never printed.
 */
final class PostgresStoreFactory implements StoreFactory {
    static final String PREFIX = "jdbc:postgresql:";
    static final String USER = "SCIM_DB_USER";
    static final String PASSWORD = "SCIM_DB_PASSWORD";

    private final Map<String, String> env;

    /** Reads {@code SCIM_DB_USER}/{@code SCIM_DB_PASSWORD} from this environment. */
    PostgresStoreFactory(Map<String, String> env) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    }

    @Override
    public String syntax() {
        return "jdbc:postgresql://host[:port]/database";
    }

    @Override
    public boolean accepts(String spec) {
        return spec.strip().toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }

    @Override
    public OpenedStores open(String spec, SchemaRegistry registry) {
        return PooledJdbcStores.open(settings(spec), JdbcStoreOptions.DEFAULTS, registry, null);
    }

    /** Opens the stores with their transactional outbox on, delivering to {@code events}. */
    @Override
    public OpenedStores open(String spec, SchemaRegistry registry, ProvisioningListener events) {
        return PooledJdbcStores.open(settings(spec), JdbcStoreOptions.DEFAULTS, registry, events);
    }

    /**
     * The settings of a PostgreSQL URL: credentials out of the URL, else from the environment.
     *
     * @throws IllegalArgumentException if the URL has no {@code //host/database} part
     */
    DatabaseSettings settings(String spec) {
        String text = spec.strip();
        String rest = text.substring(PREFIX.length());
        if (!rest.startsWith("//") || rest.length() == 2) {
            throw new IllegalArgumentException("--store: a PostgreSQL URL looks like "
                    + "jdbc:postgresql://host:5432/scim, not '" + StoreFactories.redacted(text) + "'");
        }
        int queryStart = rest.indexOf('?');
        String beforeQuery = queryStart < 0 ? rest : rest.substring(0, queryStart);
        String query = queryStart < 0 ? "" : rest.substring(queryStart + 1);
        int authorityEnd = beforeQuery.indexOf('/', 2);
        String authority = authorityEnd < 0 ? beforeQuery.substring(2) : beforeQuery.substring(2, authorityEnd);
        String path = authorityEnd < 0 ? "" : beforeQuery.substring(authorityEnd);

        String user = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : query.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String name = (equals < 0 ? parameter : parameter.substring(0, equals)).toLowerCase(Locale.ROOT);
            String value = equals < 0 ? "" : decode(parameter.substring(equals + 1));
            switch (name) {
                case "user" -> user = value;
                case "password" -> password = value;
                default -> kept.add(parameter);
            }
        }
        if (authority.isEmpty()) {
            throw new IllegalArgumentException("--store: the PostgreSQL URL names no host");
        }
        user = blankToNull(user != null ? user : env.get(USER));
        password = password != null ? password : blankToNull(env.get(PASSWORD));
        String url = PREFIX + "//" + authority + path + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
        String description = "PostgreSQL " + StoreFactories.redacted(url)
                + (user == null ? "" : " as user " + user);
        return new DatabaseSettings(url, "org.postgresql.Driver", user, password, description);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // Do not echo: the text may be a password.
            throw new IllegalArgumentException("--store: malformed %-escape in the PostgreSQL URL's credentials");
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
