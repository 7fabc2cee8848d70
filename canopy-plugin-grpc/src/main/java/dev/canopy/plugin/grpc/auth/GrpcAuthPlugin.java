package dev.canopy.plugin.grpc.auth;

import dev.canopy.plugin.api.auth.AuthPlugin;
import dev.canopy.plugin.api.auth.ExternalUser;
import dev.canopy.plugin.grpc.GrpcPlugin;
import dev.canopy.plugin.grpc.GrpcPluginSettings;
import dev.canopy.plugin.grpc.JsonStructs;
import dev.canopy.plugin.proto.AuthGrpc;
import dev.canopy.plugin.proto.FindRequest;
import dev.canopy.plugin.proto.LoginRequest;
import io.grpc.Channel;

import java.util.List;
import java.util.Map;

/** An external authentication plugin behind a gRPC endpoint ({@code canopy.plugin.v1.Auth}). */
public final class GrpcAuthPlugin extends GrpcPlugin implements AuthPlugin {

    public GrpcAuthPlugin(Channel channel, GrpcPluginSettings settings) {
        super(channel, settings, AuthGrpc.getInitMethod(), AuthGrpc.getVerifyMethod());
    }

    @Override
    public List<ExternalUser> find(Map<String, Object> options, Map<String, Object> secretData, String userId,
                                   String keyword) {
        FindRequest.Builder request = FindRequest.newBuilder()
                .setOptions(JsonStructs.toStruct(options))
                .setSecretData(JsonStructs.toStruct(secretData));
        if (userId != null) {
            request.setUserId(userId);
        }
        if (keyword != null) {
            request.setKeyword(keyword);
        }
        return calls.unary(AuthGrpc.getFindMethod(), request.build(),
                response -> response.getUsersList().stream().map(AuthMessages::decodeUser).toList());
    }

    @Override
    public ExternalUser login(Map<String, Object> options, Map<String, Object> secretData,
                              Map<String, Object> credentials) {
        LoginRequest request = LoginRequest.newBuilder()
                .setOptions(JsonStructs.toStruct(options))
                .setSecretData(JsonStructs.toStruct(secretData))
                .setCredentials(JsonStructs.toStruct(credentials))
                .build();
        return calls.unary(AuthGrpc.getLoginMethod(), request, response -> {
            if (!response.hasUser()) {
                throw new IllegalArgumentException("login answered without a user");
            }
            return AuthMessages.decodeUser(response.getUser());
        });
    }
}
