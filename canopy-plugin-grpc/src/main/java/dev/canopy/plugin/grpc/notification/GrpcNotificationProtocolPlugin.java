package dev.canopy.plugin.grpc.notification;

import dev.canopy.plugin.api.notification.DispatchRequest;
import dev.canopy.plugin.api.notification.NotificationProtocolPlugin;
import dev.canopy.plugin.grpc.GrpcPlugin;
import dev.canopy.plugin.grpc.GrpcPluginSettings;
import dev.canopy.plugin.grpc.JsonStructs;
import dev.canopy.plugin.proto.NotificationProtocolGrpc;
import io.grpc.Channel;

/** A notification protocol behind a gRPC endpoint ({@code canopy.plugin.v1.NotificationProtocol}). */
public final class GrpcNotificationProtocolPlugin extends GrpcPlugin implements NotificationProtocolPlugin {

    public GrpcNotificationProtocolPlugin(Channel channel, GrpcPluginSettings settings) {
        super(channel, settings, NotificationProtocolGrpc.getInitMethod(), NotificationProtocolGrpc.getVerifyMethod());
    }

    @Override
    public void dispatch(DispatchRequest request) {
        dev.canopy.plugin.proto.DispatchRequest.Builder message = dev.canopy.plugin.proto.DispatchRequest.newBuilder()
                .setOptions(JsonStructs.toStruct(request.options()))
                .setSecretData(JsonStructs.toStruct(request.secretData()))
                .setChannelData(JsonStructs.toStruct(request.channelData()))
                .setMessage(JsonStructs.toStruct(request.message()));
        if (request.notificationType() != null) {
            message.setNotificationType(request.notificationType());
        }
        calls.unary(NotificationProtocolGrpc.getDispatchMethod(), message.build(), response -> response);
    }
}
