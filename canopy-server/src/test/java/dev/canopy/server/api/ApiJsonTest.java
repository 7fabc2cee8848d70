package dev.canopy.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

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
}
