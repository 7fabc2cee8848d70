package dev.canopy.plugins.aws;

import dev.canopy.plugin.api.PluginException;

import java.util.Map;

/**
 * The secret data of the managed AWS schemas: access keys, and for the trusted-account pattern the role to
 * assume with them. {@link #toString()} never shows the keys.
 */
record AwsSecret(String accessKeyId, String secretAccessKey, String roleArn, String externalId) {

    static AwsSecret parse(Map<String, Object> secretData) {
        String accessKeyId = text(secretData, "aws_access_key_id");
        String secretAccessKey = text(secretData, "aws_secret_access_key");
        if (accessKeyId == null || secretAccessKey == null) {
            throw PluginException.rejected("secret data needs aws_access_key_id and aws_secret_access_key");
        }
        return new AwsSecret(accessKeyId, secretAccessKey, text(secretData, "role_arn"), text(secretData, "external_id"));
    }

    private static String text(Map<String, Object> secretData, String key) {
        return secretData.get(key) instanceof String value && !value.isBlank() ? value.trim() : null;
    }

    @Override
    public String toString() {
        return "AwsSecret[roleArn=" + roleArn + "]";
    }
}
