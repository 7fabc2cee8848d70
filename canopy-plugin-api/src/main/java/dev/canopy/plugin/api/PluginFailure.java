package dev.canopy.plugin.api;

/** Why a plugin call failed; each becomes an {@code ERROR_PLUGIN_...} code on the calling resource. */
public enum PluginFailure {
    /** The plugin refused the request: bad credentials, bad options, a resource it cannot reach. */
    REJECTED("ERROR_PLUGIN_REJECTED"),
    /** The call passed its deadline. */
    TIMEOUT("ERROR_PLUGIN_TIMEOUT"),
    /** The plugin could not be reached or started, or went away during the call. */
    UNAVAILABLE("ERROR_PLUGIN_UNAVAILABLE"),
    /** The plugin answered with data that breaks the contract. */
    MALFORMED("ERROR_PLUGIN_MALFORMED_RESPONSE"),
    /** The plugin failed unexpectedly. */
    INTERNAL("ERROR_PLUGIN_INTERNAL");

    private final String errorCode;

    PluginFailure(String errorCode) {
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
