package dev.canopy.server.system;

/**
 * What an instance does. One jar plays any set of roles; many instances share one database.
 */
public enum ServerRole {
    /** Serves the REST API. */
    API,
    /** Fires schedules (collector runs, cost syncs, escalations). */
    SCHEDULER,
    /** Claims and runs queued work. */
    WORKER
}
