package io.scimkit.examples.quarkus;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One of the application's own resources, served next to SCIM: a literal path wins over SCIM's catch-all. */
@Path("/hello")
public class HelloResource {

    /** A plain-text greeting. */
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String hello() {
        return "hello";
    }
}
