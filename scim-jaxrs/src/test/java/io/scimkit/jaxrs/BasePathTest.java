package io.scimkit.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The base path below the application root (RFC 7644 §1.3, digest P-GEN-07). */
class BasePathTest {

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource({"/scim/v2, /scim/v2", "scim/v2, /scim/v2", "/scim/v2/, /scim/v2", "//scim//, /scim", "/, /",
        "'', /", "/tenant-1/scim_v2.0/~x, /tenant-1/scim_v2.0/~x"})
    void parsesWithOrWithoutSlashes(String text, String canonical) {
        assertThat(BasePath.parse(text)).hasToString(canonical);
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"/scim v2", "/scim//v2", "/scim/../v2", "/./scim", "/scim?x=1", "/scim#f", "/sc%20im",
        "/sché"})
    void refusesPathsThatNeedEncodingOrNormalisation(String text) {
        assertThatThrownBy(() -> BasePath.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
        "http://127.0.0.1:8080/, /scim/v2, http://127.0.0.1:8080/scim/v2",
        "http://127.0.0.1:8080, /scim/v2, http://127.0.0.1:8080/scim/v2",
        "https://acme.example.com/api/, scim, https://acme.example.com/api/scim",
        "https://acme.example.com/api/, /, https://acme.example.com/api",
        "https://acme.example.com/, /, https://acme.example.com"})
    void resolvesAgainstTheApplicationBase(String application, String basePath, String expected) {
        assertThat(BasePath.parse(basePath).resolve(URI.create(application))).isEqualTo(URI.create(expected));
    }

    @Test
    void resolveDropsAQueryOrFragmentOfTheApplicationBase() {
        assertThat(BasePath.parse("/scim").resolve(URI.create("http://h/app/?q=1#f")))
                .isEqualTo(URI.create("http://h/app/scim"));
    }

    @Test
    void belowMatchesWholeSegments() {
        BasePath base = BasePath.parse("/scim/v2");
        assertThat(base.below("/scim/v2/Groups")).hasValue("/Groups");
        assertThat(base.below("scim/v2")).hasValue("/");
        assertThat(base.below("scim/v20/Groups")).isEmpty();
        assertThat(base.below("scim")).isEmpty();
    }
}
