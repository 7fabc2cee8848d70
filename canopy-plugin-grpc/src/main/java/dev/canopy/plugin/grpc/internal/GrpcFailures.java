package dev.canopy.plugin.grpc.internal;

import dev.canopy.plugin.api.PluginException;
import dev.canopy.plugin.api.PluginFailure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * The mapping between plugin failures and gRPC statuses, both ways, so that a caller sees the same
 * {@link PluginException} whether the plugin runs in process or behind gRPC.
 *
 * <pre>
 * plugin side                         wire                    host side
 * PluginException(REJECTED)       ->  INVALID_ARGUMENT    ->  REJECTED (message kept)
 *                                     FAILED_PRECONDITION, UNAUTHENTICATED, PERMISSION_DENIED -> REJECTED
 * PluginException(TIMEOUT)        ->  DEADLINE_EXCEEDED   ->  TIMEOUT (also the call's own deadline)
 * PluginException(UNAVAILABLE)    ->  UNAVAILABLE         ->  UNAVAILABLE (also refused or lost connections)
 *                                     CANCELLED           ->  UNAVAILABLE (the plugin's side gave up the call:
 *                                                             a server stopping; the host's own cancel never surfaces)
 * PluginException(MALFORMED)      ->  DATA_LOSS           ->  MALFORMED
 * anything else                   ->  INTERNAL            ->  INTERNAL (so is every other status)
 * </pre>
 */
public final class GrpcFailures {

    private GrpcFailures() {
    }

    /** The status a plugin-side service answers for what the plugin threw. */
    public static Status toStatus(Throwable failure) {
        if (failure instanceof PluginException plugin) {
            Status status = switch (plugin.failure()) {
                case REJECTED -> Status.INVALID_ARGUMENT;
                case TIMEOUT -> Status.DEADLINE_EXCEEDED;
                case UNAVAILABLE -> Status.UNAVAILABLE;
                case MALFORMED -> Status.DATA_LOSS;
                case INTERNAL -> Status.INTERNAL;
            };
            return status.withDescription(plugin.getMessage());
        }
        // Not the plugin's word to the user: name the exception so its log can be found.
        return Status.INTERNAL.withDescription("plugin failed: " + failure);
    }

    /** The failure a host-side adapter raises for a status that ended a call. */
    public static PluginException toPluginException(String call, StatusRuntimeException exception) {
        Status status = exception.getStatus();
        String description = status.getDescription() == null ? "" : status.getDescription();
        return switch (status.getCode()) {
            case INVALID_ARGUMENT, FAILED_PRECONDITION, UNAUTHENTICATED, PERMISSION_DENIED ->
                    new PluginException(PluginFailure.REJECTED, description, exception);
            case DEADLINE_EXCEEDED -> new PluginException(PluginFailure.TIMEOUT,
                    call + " passed its deadline: " + description, exception);
            case UNAVAILABLE, CANCELLED -> new PluginException(PluginFailure.UNAVAILABLE,
                    call + ": plugin unavailable: " + describe(status), exception);
            case DATA_LOSS -> new PluginException(PluginFailure.MALFORMED, call + ": " + description, exception);
            default -> new PluginException(PluginFailure.INTERNAL, call + ": " + describe(status), exception);
        };
    }

    /** A response that breaks the protocol's contract. */
    public static PluginException malformed(String call, String what, Throwable cause) {
        return new PluginException(PluginFailure.MALFORMED, call + ": malformed response: " + what, cause);
    }

    private static String describe(Status status) {
        String description = status.getCode().name();
        if (status.getDescription() != null) {
            description += " " + status.getDescription();
        }
        if (status.getCause() != null) {
            description += " (" + status.getCause() + ")";
        }
        return description;
    }
}
