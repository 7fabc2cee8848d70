package dev.canopy.server.api;

/** Who may call a verb. */
public enum VerbAccess {
    /** Anyone: signing in and renewing tokens. */
    OPEN,
    /** Any signed-in user, on their own data (their profile, their configs). */
    SIGNED_IN,
    /** A signed-in user whose roles grant the verb's permission; the usual case. */
    PERMISSION
}
