package dev.canopy.plugin.api;

/**
 * The one exception a plugin call raises. Plugin authors throw it with {@link PluginFailure#REJECTED}
 * when a request cannot be served; hosts raise the other failures.
 */
public class PluginException extends RuntimeException {

    private final PluginFailure failure;

    public PluginException(PluginFailure failure, String message) {
        super(message);
        this.failure = failure;
    }

    public PluginException(PluginFailure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    public static PluginException rejected(String message) {
        return new PluginException(PluginFailure.REJECTED, message);
    }

    public PluginFailure failure() {
        return failure;
    }
}
