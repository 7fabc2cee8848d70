/**
 * The plugin SDK: a plugin author implements one kind's factory, lists it in {@code META-INF/services},
 * and builds a runnable jar whose main class {@link dev.canopy.plugin.sdk.PluginServerMain} serves it over
 * gRPC. Depends on {@code canopy-plugin-grpc}.
 */
package dev.canopy.plugin.sdk;
