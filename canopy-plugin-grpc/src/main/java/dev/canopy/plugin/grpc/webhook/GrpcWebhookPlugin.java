package dev.canopy.plugin.grpc.webhook;

import dev.canopy.plugin.api.webhook.ParsedEvent;
import dev.canopy.plugin.api.webhook.WebhookPlugin;
import dev.canopy.plugin.grpc.GrpcPlugin;
import dev.canopy.plugin.grpc.GrpcPluginSettings;
import dev.canopy.plugin.grpc.JsonStructs;
import dev.canopy.plugin.proto.ParseEventRequest;
import dev.canopy.plugin.proto.WebhookGrpc;
import io.grpc.Channel;

import java.util.Map;
import java.util.stream.Stream;

/** A webhook behind a gRPC endpoint ({@code canopy.plugin.v1.Webhook}), as a {@link WebhookPlugin}. */
public final class GrpcWebhookPlugin extends GrpcPlugin implements WebhookPlugin {

    public GrpcWebhookPlugin(Channel channel, GrpcPluginSettings settings) {
        super(channel, settings, WebhookGrpc.getInitMethod(), WebhookGrpc.getVerifyMethod());
    }

    @Override
    public Stream<ParsedEvent> parseEvent(Map<String, Object> options, Map<String, Object> data) {
        ParseEventRequest request = ParseEventRequest.newBuilder()
                .setOptions(JsonStructs.toStruct(options))
                .setData(JsonStructs.toStruct(data))
                .build();
        return calls.stream(WebhookGrpc.getParseEventMethod(), request, WebhookMessages::decodeBatch);
    }
}
