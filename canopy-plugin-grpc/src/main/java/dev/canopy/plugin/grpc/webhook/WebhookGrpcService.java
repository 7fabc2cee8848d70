package dev.canopy.plugin.grpc.webhook;

import dev.canopy.plugin.api.webhook.WebhookPlugin;
import dev.canopy.plugin.grpc.JsonStructs;
import dev.canopy.plugin.grpc.internal.PluginMethods;
import dev.canopy.plugin.proto.ParseEventResponse;
import dev.canopy.plugin.proto.WebhookGrpc;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;

import java.util.Objects;

/** Serves a {@link WebhookPlugin} as {@code canopy.plugin.v1.Webhook}. */
public final class WebhookGrpcService implements BindableService {

    private final WebhookPlugin plugin;

    public WebhookGrpcService(WebhookPlugin plugin) {
        this.plugin = Objects.requireNonNull(plugin, "plugin");
    }

    @Override
    public ServerServiceDefinition bindService() {
        return ServerServiceDefinition.builder(WebhookGrpc.getServiceDescriptor())
                .addMethod(WebhookGrpc.getInitMethod(), PluginMethods.init(plugin))
                .addMethod(WebhookGrpc.getVerifyMethod(), PluginMethods.verify(plugin))
                .addMethod(WebhookGrpc.getParseEventMethod(), PluginMethods.stream(
                        request -> plugin.parseEvent(JsonStructs.toMap(request.getOptions()), JsonStructs.toMap(request.getData())),
                        WebhookMessages::encodeEvent,
                        batch -> ParseEventResponse.newBuilder().addAllEvents(batch).build()))
                .build();
    }
}
