package io.scimkit.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application with its own REST API ({@link HelloController}) that is also a SCIM 2.0
 * service provider: adding {@code scimkit-spring-boot-starter} and a token serves SCIM at
 * {@code /scim/v2}, with users and groups kept in the application's {@code DataSource}.
 *
 * <pre>{@code
 * SCIMKIT_TOKENS_DEFAULT=$(openssl rand -base64 32 | tr '+/' '-_' | tr -d '=') java -jar app.jar
 * curl -H "Authorization: Bearer $SCIMKIT_TOKENS_DEFAULT" http://localhost:8080/scim/v2/Users
 * curl http://localhost:8080/hello
 * }</pre>
 */
@SpringBootApplication
public class ExampleApplication {

    /** Starts the application. */
    public static void main(String[] args) {
        SpringApplication.run(ExampleApplication.class, args);
    }
}
