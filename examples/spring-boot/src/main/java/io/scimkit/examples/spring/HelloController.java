package io.scimkit.examples.spring;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The application's own API, a Spring MVC controller that keeps working next to SCIM. */
@RestController
public class HelloController {

    /** A greeting, as JSON. */
    public record Greeting(String message) {
    }

    /** {@code GET /hello}. */
    @GetMapping("/hello")
    public Greeting hello() {
        return new Greeting("Hello from the application's own controller");
    }
}
