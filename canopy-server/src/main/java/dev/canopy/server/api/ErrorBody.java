package dev.canopy.server.api;

import java.util.Map;

/** The error body every failure answers with: {@code {"error": {"code", "message", "details"}}}. */
record ErrorBody(Error error) {

    record Error(String code, String message, Map<String, Object> details) {
    }

    static ErrorBody of(ErrorCode code, String message, Map<String, Object> details) {
        return new ErrorBody(new Error(code.name(), message, details));
    }
}
