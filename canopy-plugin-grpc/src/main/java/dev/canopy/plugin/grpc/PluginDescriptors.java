package dev.canopy.plugin.grpc;

import dev.canopy.plugin.api.PluginDescriptor;
import dev.canopy.plugin.api.PluginKind;

import static dev.canopy.plugin.grpc.internal.WireValues.orNull;

/** Plugin descriptors to messages and back. */
final class PluginDescriptors {

    private PluginDescriptors() {
    }

    static dev.canopy.plugin.proto.PluginDescriptor encode(PluginDescriptor descriptor) {
        dev.canopy.plugin.proto.PluginDescriptor.Builder message = dev.canopy.plugin.proto.PluginDescriptor.newBuilder()
                .setPluginId(descriptor.pluginId())
                .setName(descriptor.name())
                .setVersion(descriptor.version())
                .setKind(dev.canopy.plugin.proto.PluginKind.valueOf(descriptor.kind().name()))
                .setCapability(JsonStructs.toStruct(descriptor.capability()))
                .addAllLabels(descriptor.labels())
                .putAllTags(descriptor.tags());
        if (descriptor.provider() != null) {
            message.setProvider(descriptor.provider());
        }
        return message.build();
    }

    static PluginDescriptor decode(dev.canopy.plugin.proto.PluginDescriptor message) {
        PluginKind kind = switch (message.getKind()) {
            case PLUGIN_KIND_UNSPECIFIED, UNRECOGNIZED ->
                    throw new IllegalArgumentException("plugin descriptor of no known kind: " + message.getKindValue());
            default -> PluginKind.valueOf(message.getKind().name());
        };
        if (message.getPluginId().isEmpty() || message.getVersion().isEmpty()) {
            throw new IllegalArgumentException("plugin descriptor without plugin_id or version");
        }
        return new PluginDescriptor(message.getPluginId(), message.getName(), message.getVersion(), kind,
                orNull(message.hasProvider(), message.getProvider()), JsonStructs.toMap(message.getCapability()),
                message.getLabelsList(), message.getTagsMap());
    }
}
