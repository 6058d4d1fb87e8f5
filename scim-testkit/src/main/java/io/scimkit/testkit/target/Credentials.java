package io.scimkit.testkit.target;

/**
 * Which credentials a request carries. Entra ID always sends its bearer token (the Secret Token
 * an administrator typed, or a token Entra obtained); the other two replay a misconfigured tenant
 * (RFC 7644 §2: the service answers 401).
 */
public enum Credentials {
    /** The target's valid credentials. */
    VALID,
    /** A bearer token the server cannot know. */
    WRONG,
    /** No {@code Authorization} header at all. */
    NONE
}
