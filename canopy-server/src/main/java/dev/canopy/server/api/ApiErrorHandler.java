package dev.canopy.server.api;

import java.util.Map;

import dev.canopy.query.InvalidQueryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;


/**
 * Turns every exception that leaves a controller into the error body: API failures as they are,
 * Spring MVC's own (unknown path, wrong method) by their status, and anything unexpected into
 * {@code ERROR_UNKNOWN} with the request id, logged with its stack trace but never sent.
 */
@RestControllerAdvice
class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    private final ApiJson json;

    ApiErrorHandler(ApiJson json) {
        this.json = json;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<byte[]> apiException(ApiException failure) {
        return respond(failure.code(), failure.getMessage(), failure.details());
    }

    @ExceptionHandler(InvalidQueryException.class)
    ResponseEntity<byte[]> invalidQuery(InvalidQueryException failure) {
        String key = failure.key().isEmpty() ? "query" : "query." + failure.key();
        ApiException invalid = ApiException.invalidParameter(key, failure.reason());
        return respond(invalid.code(), invalid.getMessage(), invalid.details());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<byte[]> noResource(NoResourceFoundException failure) {
        return respond(ErrorCode.ERROR_NOT_FOUND, "No such path: /" + failure.getResourcePath(), Map.of());
    }

    @ExceptionHandler({QueryTimeoutException.class, TransientDataAccessResourceException.class})
    ResponseEntity<byte[]> timeout(RuntimeException failure) {
        log.warn("Database statement timed out: {}", failure.getMessage());
        return respond(ErrorCode.ERROR_REQUEST_TIMEOUT, "The request took too long and was cancelled", Map.of());
    }

    @ExceptionHandler(DataAccessResourceFailureException.class)
    ResponseEntity<byte[]> databaseUnavailable(DataAccessResourceFailureException failure) {
        log.warn("Database unavailable: {}", failure.getMessage());
        return respond(ErrorCode.ERROR_UNAVAILABLE, "The database is not available; try again shortly", Map.of());
    }

    /** Spring MVC's own refusals (wrong method, missing path variable, ...) carry their status. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> unexpected(Exception failure) {
        if (failure instanceof ErrorResponse response && response.getStatusCode().value() < 500) {
            int status = response.getStatusCode().value();
            String detail = response.getBody().getDetail();
            return respond(ErrorCode.forStatus(status), detail != null ? detail : "Request refused", Map.of());
        }
        log.error("Unexpected failure", failure);
        return respond(ErrorCode.ERROR_UNKNOWN,
                "Internal error; quote request id " + MDC.get(RequestIdFilter.MDC_KEY) + " when reporting it", Map.of());
    }

    private ResponseEntity<byte[]> respond(ErrorCode code, String message, Map<String, Object> details) {
        if (code.status() >= 500) {
            log.warn("{} {}", code, message);
        } else {
            log.info("{} {}", code, message);
        }
        return ResponseEntity.status(code.status())
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.write(ErrorBody.of(code, message, details)));
    }
}
