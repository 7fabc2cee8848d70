package dev.canopy.server.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure to report to the client: an {@link ErrorCode}, a message for people, and details for
 * programs (such as the {@code key} of the offending parameter). Never carries internals.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> details;

    public ApiException(ErrorCode code, String message, Map<String, ?> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    public static ApiException requiredParameter(String key) {
        return new ApiException(ErrorCode.ERROR_REQUIRED_PARAMETER, "Required parameter. (key = " + key + ")",
                Map.of("key", key));
    }

    public static ApiException invalidParameter(String key, String reason) {
        return new ApiException(ErrorCode.ERROR_INVALID_PARAMETER,
                "Invalid parameter. (key = " + key + ", reason = " + reason + ")", Map.of("key", key, "reason", reason));
    }

    public static ApiException notFound(String key, String value) {
        return new ApiException(ErrorCode.ERROR_NOT_FOUND, "Resource not found. (" + key + " = " + value + ")",
                Map.of("key", key, "value", value));
    }

    /**
     * The resource named {@code key = value} cannot be deleted while others depend on it;
     * {@code reason} says which ({@code "2 service account(s) use it: sa-..., sa-..."}).
     */
    public static ApiException existResource(String key, String value, String reason) {
        return new ApiException(ErrorCode.ERROR_EXIST_RESOURCE,
                "Resources depend on it. (" + key + " = " + value + ", reason = " + reason + ")",
                Map.of("key", key, "value", value, "reason", reason));
    }

    /** A resource with the same values of {@code uniqueKeys} exists already. */
    public static ApiException alreadyExists(Map<String, String> uniqueKeys) {
        Map<String, Object> details = new LinkedHashMap<>(uniqueKeys);
        return new ApiException(ErrorCode.ERROR_ALREADY_EXISTS,
                "A resource with the same unique values exists already. " + uniqueKeys, details);
    }
}
