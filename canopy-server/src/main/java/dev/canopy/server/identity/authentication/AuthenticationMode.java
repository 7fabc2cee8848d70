package dev.canopy.server.identity.authentication;

/** Whether the API checks who calls it ({@code canopy.api.authentication}). */
public enum AuthenticationMode {
    /** Every call but the open ones needs a valid access token or API key: how Canopy runs. */
    REQUIRED,
    /**
     * For benchmarks only: every call acts as the root domain's admin, without credentials. Honoured
     * only by a server on a loopback address with its embedded database; see {@link DisabledAuthenticator}.
     */
    DISABLED
}
