/**
 * Plugins over gRPC (protocol {@code canopy.plugin.v1} of {@code canopy-plugin-proto}).
 *
 * <p>Host side: one adapter per kind implements the kind's SPI interface over an {@link io.grpc.Channel}
 * ({@code collector.GrpcCollectorPlugin}, ..., or {@link dev.canopy.plugin.grpc.GrpcPlugins#adapter} by
 * kind), called with {@link dev.canopy.plugin.grpc.GrpcPluginSettings}' deadlines; channels come from
 * {@link dev.canopy.plugin.grpc.PluginChannels}, and {@link dev.canopy.plugin.grpc.PluginInfoClient}
 * asks an endpoint what it serves. Plugin side: one service per kind ({@code collector.CollectorGrpcService},
 * ...) and {@link dev.canopy.plugin.grpc.PluginServer}, which serves them with plugin info and health.
 * Callers cannot tell an adapter from the plugin in process: same values
 * ({@link dev.canopy.plugin.grpc.JsonStructs}), same failures
 * ({@link dev.canopy.plugin.grpc.internal.GrpcFailures}). The {@code internal} package is shared
 * machinery, not API. Depends on the plugin API, the protocol and grpc-java; nothing of the server.
 */
package dev.canopy.plugin.grpc;
