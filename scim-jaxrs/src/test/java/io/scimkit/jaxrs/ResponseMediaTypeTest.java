package io.scimkit.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Response media type from Accept (RFC 7644 §3.8, §8.1; digest P-GEN-01..04, K-44). */
class ResponseMediaTypeTest {

    @ParameterizedTest(name = "Accept [{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
        "''                                                   | application/scim+json",
        "application/scim+json                                | application/scim+json",
        "application/json                                     | application/json",
        "Application/JSON                                     | application/json",
        "application/json; charset=utf-8                      | application/json",
        "application/json, application/scim+json              | application/scim+json",
        "application/scim+json;q=0.5, application/json        | application/scim+json",
        "application/scim+json;q=0, application/json          | application/json",
        "application/scim+json; q=0.0 , application/json;q=1 | application/json",
        "application/*                                        | application/scim+json",
        "*/*                                                  | application/scim+json",
        "application/json, */*;q=0.1                          | application/scim+json",
        "application/json, application/*;q=0                  | application/json",
        "*/*;q=0, application/json                            | application/json",
        "text/html                                            | application/scim+json",
        "text/html, application/json;q=0                      | application/scim+json",
        "application/json;q=oops                              | application/json",
        "application/json;q=7                                 | application/json",
        "*                                                    | application/scim+json",
        "garbage                                              | application/scim+json",
        ",,,                                                  | application/scim+json"})
    void choosesScimJsonUnlessOnlyJsonIsAcceptable(String accept, String expected) {
        List<String> fields = accept.isEmpty() ? List.of() : List.of(accept);
        assertThat(ResponseMediaType.choose(fields)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "fields {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "application/json#text/plain                | application/json",
        "application/json#application/scim+json     | application/scim+json",
        "application/scim+json;q=0#application/json | application/json"})
    void severalAcceptFieldsCountAsOneList(String fields, String expected) {
        assertThat(ResponseMediaType.choose(Arrays.asList(fields.split("#")))).isEqualTo(expected);
    }
}
