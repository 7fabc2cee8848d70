package dev.canopy.plugin.grpc.notification;

import dev.canopy.plugin.api.notification.DispatchRequest;
import dev.canopy.plugin.api.notification.NotificationProtocolPlugin;
import dev.canopy.plugin.grpc.JsonStructs;
import dev.canopy.plugin.grpc.internal.PluginMethods;
import dev.canopy.plugin.proto.DispatchResponse;
import dev.canopy.plugin.proto.NotificationProtocolGrpc;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;

import java.util.Objects;

import static dev.canopy.plugin.grpc.internal.WireValues.orNull;

/** Serves a {@link NotificationProtocolPlugin} as {@code canopy.plugin.v1.NotificationProtocol}. */
public final class NotificationProtocolGrpcService implements BindableService {

    private final NotificationProtocolPlugin plugin;

    public NotificationProtocolGrpcService(NotificationProtocolPlugin plugin) {
        this.plugin = Objects.requireNonNull(plugin, "plugin");
    }

    @Override
    public ServerServiceDefinition bindService() {
        return ServerServiceDefinition.builder(NotificationProtocolGrpc.getServiceDescriptor())
                .addMethod(NotificationProtocolGrpc.getInitMethod(), PluginMethods.init(plugin))
                .addMethod(NotificationProtocolGrpc.getVerifyMethod(), PluginMethods.verify(plugin))
                .addMethod(NotificationProtocolGrpc.getDispatchMethod(), PluginMethods.unary(request -> {
                    plugin.dispatch(new DispatchRequest(JsonStructs.toMap(request.getOptions()),
                            JsonStructs.toMap(request.getSecretData()), JsonStructs.toMap(request.getChannelData()),
                            JsonStructs.toMap(request.getMessage()),
                            orNull(request.hasNotificationType(), request.getNotificationType())));
                    return DispatchResponse.getDefaultInstance();
                }))
                .build();
    }
}
