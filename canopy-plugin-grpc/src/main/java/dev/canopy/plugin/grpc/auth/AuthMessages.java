package dev.canopy.plugin.grpc.auth;

import dev.canopy.plugin.api.auth.ExternalUser;

import static dev.canopy.plugin.grpc.internal.WireValues.orNull;

/** External users to messages and back; decoding rejects a user without a user_id. */
final class AuthMessages {

    private AuthMessages() {
    }

    static dev.canopy.plugin.proto.ExternalUser encodeUser(ExternalUser user) {
        dev.canopy.plugin.proto.ExternalUser.Builder message = dev.canopy.plugin.proto.ExternalUser.newBuilder()
                .setUserId(user.userId());
        if (user.name() != null) {
            message.setName(user.name());
        }
        if (user.email() != null) {
            message.setEmail(user.email());
        }
        if (user.state() != null) {
            message.setState(user.state());
        }
        return message.build();
    }

    static ExternalUser decodeUser(dev.canopy.plugin.proto.ExternalUser user) {
        if (user.getUserId().isEmpty()) {
            throw new IllegalArgumentException("user without a user_id");
        }
        return new ExternalUser(user.getUserId(), orNull(user.hasName(), user.getName()),
                orNull(user.hasEmail(), user.getEmail()), orNull(user.hasState(), user.getState()));
    }
}
