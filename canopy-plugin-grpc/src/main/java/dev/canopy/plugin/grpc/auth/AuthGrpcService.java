package dev.canopy.plugin.grpc.auth;

import dev.canopy.plugin.api.auth.AuthPlugin;
import dev.canopy.plugin.api.auth.ExternalUser;
import dev.canopy.plugin.grpc.JsonStructs;
import dev.canopy.plugin.grpc.internal.PluginMethods;
import dev.canopy.plugin.proto.AuthGrpc;
import dev.canopy.plugin.proto.FindResponse;
import dev.canopy.plugin.proto.LoginResponse;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;

import java.util.Objects;

import static dev.canopy.plugin.grpc.internal.WireValues.orNull;

/** Serves an {@link AuthPlugin} as {@code canopy.plugin.v1.Auth}. */
public final class AuthGrpcService implements BindableService {

    private final AuthPlugin plugin;

    public AuthGrpcService(AuthPlugin plugin) {
        this.plugin = Objects.requireNonNull(plugin, "plugin");
    }

    @Override
    public ServerServiceDefinition bindService() {
        return ServerServiceDefinition.builder(AuthGrpc.getServiceDescriptor())
                .addMethod(AuthGrpc.getInitMethod(), PluginMethods.init(plugin))
                .addMethod(AuthGrpc.getVerifyMethod(), PluginMethods.verify(plugin))
                .addMethod(AuthGrpc.getFindMethod(), PluginMethods.unary(request -> {
                    FindResponse.Builder response = FindResponse.newBuilder();
                    for (ExternalUser user : plugin.find(JsonStructs.toMap(request.getOptions()),
                            JsonStructs.toMap(request.getSecretData()), orNull(request.hasUserId(), request.getUserId()),
                            orNull(request.hasKeyword(), request.getKeyword()))) {
                        response.addUsers(AuthMessages.encodeUser(user));
                    }
                    return response.build();
                }))
                .addMethod(AuthGrpc.getLoginMethod(), PluginMethods.unary(request -> LoginResponse.newBuilder()
                        .setUser(AuthMessages.encodeUser(plugin.login(JsonStructs.toMap(request.getOptions()),
                                JsonStructs.toMap(request.getSecretData()), JsonStructs.toMap(request.getCredentials()))))
                        .build()))
                .build();
    }
}
