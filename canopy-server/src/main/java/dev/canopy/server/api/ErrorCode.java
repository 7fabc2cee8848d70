package dev.canopy.server.api;

/** Cloudforet's error codes, with the HTTP status each answers with. */
public enum ErrorCode {
    ERROR_REQUIRED_PARAMETER(400),
    ERROR_INVALID_PARAMETER(400),
    ERROR_JSON_FORMAT(400),
    /** Other resources still depend on the one a verb would delete. */
    ERROR_EXIST_RESOURCE(400),
    ERROR_AUTHENTICATE_FAILURE(401),
    ERROR_PERMISSION_DENIED(403),
    ERROR_NOT_FOUND(404),
    ERROR_METHOD_NOT_ALLOWED(405),
    ERROR_ALREADY_EXISTS(409),
    ERROR_PAYLOAD_TOO_LARGE(413),
    ERROR_UNSUPPORTED_MEDIA_TYPE(415),
    ERROR_UNKNOWN(500),
    ERROR_UNAVAILABLE(503),
    ERROR_REQUEST_TIMEOUT(504),
    // A plugin failed; the resource that called it says which and why.
    ERROR_PLUGIN_REJECTED(400),
    ERROR_PLUGIN_TIMEOUT(504),
    ERROR_PLUGIN_UNAVAILABLE(503),
    ERROR_PLUGIN_MALFORMED_RESPONSE(502),
    ERROR_PLUGIN_INTERNAL(502);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The code that best describes an HTTP status raised outside the dispatcher. */
    public static ErrorCode forStatus(int status) {
        for (ErrorCode code : values()) {
            if (code.status == status) {
                return code;
            }
        }
        return status >= 500 ? ERROR_UNKNOWN : ERROR_INVALID_PARAMETER;
    }
}
