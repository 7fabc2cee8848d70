package dev.canopy.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiJsonTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"a\": \"\\u0000\"}                | true",
            "{\"a\": \"x\\u0000y\"}              | true",
            "{\"\\u0000\": 1}                    | true",
            "{\"a\": \"\\\\u0000\"}              | false",
            "{\"a\": \"\\\\\\u0000\"}            | true",
            "{\"a\": \"\\u0001\"}                | false",
            "{\"a\": \"\\u00000\"}               | true",
            "{\"a\": \"u0000\"}                  | false",
            "{\"a\": \"\\\\\"}                   | false",
    })
    void findsTheNulEscapeButNotAnEscapedBackslashBeforeU(String json, boolean expected) {
        assertThat(ApiJson.containsNulEscape(json.getBytes(StandardCharsets.UTF_8))).as(json).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"password\": AKIAsecretVALUE123}",
            "{\"password\": \"s3cret-in-a-broken-string}",
            "{\"password\": truesecret}",
    })
    void malformedJsonErrorsDoNotQuoteTheBody(String body) {
        ApiException failure = org.assertj.core.api.Assertions.catchThrowableOfType(ApiException.class,
                () -> new ApiJson().readRequest(body.getBytes(StandardCharsets.UTF_8), Map.class));

        assertThat(failure.code()).isEqualTo(ErrorCode.ERROR_JSON_FORMAT);
        assertThat(failure.getMessage()).startsWith("Malformed JSON at line 1")
                .doesNotContain("AKIAsecretVALUE123").doesNotContain("s3cret").doesNotContain("truesecret");
    }

    @Test
    void malformedJsonErrorsStillSayWhatWasExpected() {
        ApiException failure = org.assertj.core.api.Assertions.catchThrowableOfType(ApiException.class,
                () -> new ApiJson().readRequest("{\"a\" 1}".getBytes(StandardCharsets.UTF_8), Map.class));

        assertThat(failure.getMessage()).contains("line 1, column").contains("expecting");
    }
}
