package io.scimkit.examples.events;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the example server sends provisioning events: nowhere, to a log, or to a webhook (the
 * {@code --events} option: {@code off}, {@code log}, or an {@code http://} or {@code https://} URL).
 */
public sealed interface EventTarget {
    /** Events are not sent anywhere (the default). */
    record Off() implements EventTarget {
        @Override
        public String describe() {
            return "off";
        }
    }

    /** One line per event on the logger {@value LogListener#LOGGER}. */
    record Log() implements EventTarget {
        @Override
        public String describe() {
            return "logged on " + LogListener.LOGGER;
        }
    }

    /**
     * Each event is POSTed to this URL.
     *
     * @param url an absolute {@code http} or {@code https} URL without user info or fragment
     */
    record Webhook(URI url) implements EventTarget {
        public Webhook {
            Objects.requireNonNull(url, "url");
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!url.isAbsolute() || url.isOpaque() || url.getHost() == null
                    || !(scheme.equals("http") || scheme.equals("https"))) {
                throw new IllegalArgumentException("--events: '" + redacted(url) + "' is not off, log or an "
                        + "absolute http(s) URL");
            }
            if (url.getRawUserInfo() != null || url.getRawFragment() != null) {
                throw new IllegalArgumentException("--events: the webhook URL '" + redacted(url)
                        + "' has user info or a fragment; sign deliveries with --events-secret instead");
            }
        }

        @Override
        public String describe() {
            return "POSTed to " + redacted(url);
        }
    }

    /** What the start-up message says about this target; never a query string (it may hold a key). */
    String describe();

    /**
     * Reads an {@code --events} value.
     *
     * @throws IllegalArgumentException for anything but {@code off}, {@code log} or an http(s) URL
     */
    static EventTarget parse(String text) {
        String value = text.strip();
        if (value.isEmpty() || value.equalsIgnoreCase("off")) {
            return new Off();
        }
        if (value.equalsIgnoreCase("log")) {
            return new Log();
        }
        try {
            return new Webhook(new URI(value));
        } catch (URISyntaxException invalid) {
            throw new IllegalArgumentException("--events: the value is not off, log or an http(s) URL");
        }
    }

    /** The URL without user info, query or fragment, for messages and logs. */
    static String redacted(URI url) {
        if (url.getHost() == null) {
            return "<not a URL>";
        }
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath()) + (url.getRawQuery() == null ? "" : "?...");
    }
}
