package dev.canopy.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** Failures of the database reach the client as statuses it can act on, without internals. */
class ApiErrorHandlerTest {

    private final ApiErrorHandler handler = new ApiErrorHandler(new ApiJson());

    @Test
    void aDatabaseThatCannotBeReachedIs503() {
        ResponseEntity<byte[]> response = handler.databaseUnavailable(
                new CannotGetJdbcConnectionException("Connection to localhost:5432 refused"));

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(body(response)).contains("ERROR_UNAVAILABLE").doesNotContain("5432");
    }

    @Test
    void aCancelledStatementIs504() {
        ResponseEntity<byte[]> response = handler.timeout(new QueryTimeoutException("canceling statement due to user request"));

        assertThat(response.getStatusCode().value()).isEqualTo(504);
        assertThat(body(response)).contains("ERROR_REQUEST_TIMEOUT").doesNotContain("canceling");
    }

    @Test
    void anythingUnexpectedIs500WithoutItsMessage() {
        ResponseEntity<byte[]> response = handler.unexpected(new IllegalStateException("secret internals"));

        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(body(response)).contains("ERROR_UNKNOWN").doesNotContain("secret internals");
    }

    private static String body(ResponseEntity<byte[]> response) {
        return new String(response.getBody(), StandardCharsets.UTF_8);
    }
}
