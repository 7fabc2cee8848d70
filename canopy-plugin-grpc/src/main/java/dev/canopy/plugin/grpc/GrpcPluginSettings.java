package dev.canopy.plugin.grpc;

import java.time.Duration;
import java.util.Objects;

/**
 * How a host-side adapter calls its plugin.
 *
 * @param callDeadline   deadline of each unary call (init, verify, tasks, dispatch, ...)
 * @param streamDeadline overall deadline of a streaming call (collect, cost data, logs, events)
 * @param idleTimeout    longest wait for the next message of a stream; a plugin silent for longer is
 *                       cancelled and the stream fails with {@code TIMEOUT}, so a stalled plugin never
 *                       hangs the caller until the overall deadline
 * @param prefetch       stream messages (batches) requested ahead of the consumer: enough to keep the
 *                       plugin busy while the caller works, few enough to keep memory flat
 */
public record GrpcPluginSettings(Duration callDeadline, Duration streamDeadline, Duration idleTimeout, int prefetch) {

    public static final Duration DEFAULT_CALL_DEADLINE = Duration.ofSeconds(30);
    /** As long as Cloudforet lets a collection job run. */
    public static final Duration DEFAULT_STREAM_DEADLINE = Duration.ofHours(2);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);
    public static final int DEFAULT_PREFETCH = 2;

    public GrpcPluginSettings {
        requirePositive("callDeadline", callDeadline);
        requirePositive("streamDeadline", streamDeadline);
        requirePositive("idleTimeout", idleTimeout);
        if (prefetch < 1) {
            throw new IllegalArgumentException("prefetch must be at least 1, got " + prefetch);
        }
    }

    public static GrpcPluginSettings defaults() {
        return new GrpcPluginSettings(DEFAULT_CALL_DEADLINE, DEFAULT_STREAM_DEADLINE, DEFAULT_IDLE_TIMEOUT,
                DEFAULT_PREFETCH);
    }

    public GrpcPluginSettings withCallDeadline(Duration deadline) {
        return new GrpcPluginSettings(deadline, streamDeadline, idleTimeout, prefetch);
    }

    public GrpcPluginSettings withStreamDeadline(Duration deadline) {
        return new GrpcPluginSettings(callDeadline, deadline, idleTimeout, prefetch);
    }

    public GrpcPluginSettings withIdleTimeout(Duration timeout) {
        return new GrpcPluginSettings(callDeadline, streamDeadline, timeout, prefetch);
    }

    public GrpcPluginSettings withPrefetch(int messages) {
        return new GrpcPluginSettings(callDeadline, streamDeadline, idleTimeout, messages);
    }

    private static void requirePositive(String name, Duration duration) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }
}
