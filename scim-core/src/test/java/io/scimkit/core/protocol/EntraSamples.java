package io.scimkit.core.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Entra ID replay samples ({@code entra/*.http}, copied from entra-samples/, ENTRA-PROVISIONING.md
 * §2): each request by its id ({@code 05a}) with method, path and body, the invented ids replaced
 * by those the service assigned.
 */
final class EntraSamples {
    /** A request of a sample file. */
    record Sample(String id, String method, String path, String body) {
        /** The request with the samples' invented ids replaced. */
        Sample with(Map<String, String> ids) {
            String newPath = path;
            String newBody = body;
            for (Map.Entry<String, String> id : ids.entrySet()) {
                newPath = newPath.replace(id.getKey(), id.getValue());
                newBody = newBody.replace(id.getKey(), id.getValue());
            }
            return new Sample(this.id, method, newPath, newBody);
        }

        ScimTestClient.Reply send(ScimTestClient client) {
            return client.send(method, path, "", body.isEmpty() ? null : body);
        }
    }

    private static final String[] FILES = {"05-create-user", "06-get-user-by-id", "07-patch-user-manager",
        "08-patch-user-update-default", "09-patch-user-update-flag", "11-patch-user-disable", "12-patch-user-reenable",
        "13-delete-user", "15-create-group", "17-patch-group-add-members", "18-patch-group-remove-members",
        "19-patch-group-rename", "20-delete-group", "22-error-responses"};

    private EntraSamples() {
    }

    /** Every request of the sample files, by id. */
    static Map<String, Sample> all() {
        Map<String, Sample> samples = new LinkedHashMap<>();
        for (String file : FILES) {
            parse(read(file + ".http"), samples);
        }
        return samples;
    }

    private static void parse(String text, Map<String, Sample> samples) {
        String[] blocks = text.split("(?m)^###");
        for (int b = 1; b < blocks.length; b++) {
            String[] lines = blocks[b].split("\n", -1);
            String id = lines[0].strip().split("\\s+")[0];
            int i = 1;
            while (i < lines.length && (lines[i].isBlank() || lines[i].startsWith("#"))) {
                i++;
            }
            if (i >= lines.length) {
                continue; // a block of comments only
            }
            String[] requestLine = lines[i].strip().split(" ", 2);
            String path = requestLine[1].replace("{{baseUrl}}", "");
            i++;
            while (i < lines.length && !lines[i].isBlank()) {
                i++; // headers
            }
            StringBuilder body = new StringBuilder();
            for (i++; i < lines.length && !lines[i].startsWith("#"); i++) {
                body.append(lines[i]).append('\n');
            }
            samples.put(id, new Sample(id, requestLine[0], path, body.toString().strip()
                    .replace("{{baseUrl}}", ScimTestClient.BASE.toString())));
        }
    }

    private static String read(String name) {
        try (InputStream in = EntraSamples.class.getResourceAsStream("/io/scimkit/core/protocol/entra/" + name)) {
            if (in == null) {
                throw new AssertionError("no sample " + name);
            }
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
