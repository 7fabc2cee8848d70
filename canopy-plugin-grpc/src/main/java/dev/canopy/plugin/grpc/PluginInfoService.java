package dev.canopy.plugin.grpc;

import dev.canopy.plugin.api.PluginDescriptor;
import dev.canopy.plugin.grpc.internal.PluginMethods;
import dev.canopy.plugin.proto.DescribeResponse;
import dev.canopy.plugin.proto.PluginInfoGrpc;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;

import java.util.List;

/** Serves {@code canopy.plugin.v1.PluginInfo}: the descriptors of the plugins an endpoint serves. */
public final class PluginInfoService implements BindableService {

    private final List<PluginDescriptor> descriptors;

    public PluginInfoService(List<PluginDescriptor> descriptors) {
        this.descriptors = List.copyOf(descriptors);
    }

    @Override
    public ServerServiceDefinition bindService() {
        DescribeResponse.Builder response = DescribeResponse.newBuilder();
        descriptors.forEach(descriptor -> response.addPlugins(PluginDescriptors.encode(descriptor)));
        DescribeResponse described = response.build();
        return ServerServiceDefinition.builder(PluginInfoGrpc.getServiceDescriptor())
                .addMethod(PluginInfoGrpc.getDescribeMethod(), PluginMethods.unary(request -> described))
                .build();
    }
}
