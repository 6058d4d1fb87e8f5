package io.scimkit.examples.bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.nio.charset.StandardCharsets;

/** The benchmark's baseline: a trivial JAX-RS endpoint returning a fixed 1 KB JSON document. */
@Path("bench/fixed")
public final class FixedJsonResource {
    static final byte[] BODY = body();

    /** The fixed document. */
    @GET
    @Produces("application/json")
    public byte[] get() {
        return BODY;
    }

    private static byte[] body() {
        StringBuilder json = new StringBuilder("{\"items\":[");
        int i = 0;
        while (json.length() < 1000) {
            json.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"name\":\"item-").append(i).append("\"}");
            i++;
        }
        json.append("],\"pad\":\"");
        while (json.length() < 1022) {
            json.append('x');
        }
        return json.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
