package dev.canopy.plugins.aws;

import dev.canopy.plugin.api.PluginException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The clients of one collection: one HTTP client, the account's credentials (a role assumed with STS when
 * the secret names one) and the SDK clients made from them, all closed together. Every client retries in
 * the SDK's ADAPTIVE mode (client-side rate limiting on throttling) and has a deadline on every call.
 * Thread-safe: the SDK clients are, and clients are only added to the list of what to close.
 */
final class AwsSession implements AutoCloseable {

    /** Where global services and STS are called from. */
    static final Region HOME_REGION = Region.US_EAST_1;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(40);
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(3);

    private final AwsCollectorOptions options;
    private final SdkHttpClient httpClient;
    private final AwsCredentialsProvider credentials;
    private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

    private AwsSession(AwsCollectorOptions options, AwsSecret secret) {
        this.options = options;
        this.httpClient = UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(READ_TIMEOUT)
                .build();
        toClose.add(httpClient);
        AwsCredentialsProvider keys = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(secret.accessKeyId(), secret.secretAccessKey()));
        if (secret.roleArn() == null) {
            this.credentials = keys;
        } else {
            StsClient trustedSts = configure(StsClient.builder(), HOME_REGION, keys).build();
            toClose.add(trustedSts);
            StsAssumeRoleCredentialsProvider assumed = StsAssumeRoleCredentialsProvider.builder()
                    .stsClient(trustedSts)
                    .refreshRequest(request -> request.roleArn(secret.roleArn())
                            .roleSessionName("canopy-inventory")
                            .externalId(secret.externalId()))
                    .build();
            toClose.add(assumed);
            this.credentials = assumed;
        }
    }

    static AwsSession open(AwsCollectorOptions options, AwsSecret secret) {
        return new AwsSession(options, secret);
    }

    /**
     * The account id: the {@code account_id} option, else STS GetCallerIdentity of the (assumed) credentials.
     * Credentials AWS does not accept, or a role that cannot be assumed, reject the whole account.
     */
    String accountId() {
        try {
            String caller = sts().getCallerIdentity().account();
            return options.accountId() != null ? options.accountId() : caller;
        } catch (SdkException e) {
            throw PluginException.rejected("AWS did not accept the credentials: STS GetCallerIdentity failed: "
                    + AwsErrors.describe(e));
        }
    }

    StsClient sts() {
        return track(configure(StsClient.builder(), HOME_REGION, credentials).build());
    }

    Ec2Client ec2(String region) {
        return track(configure(Ec2Client.builder(), Region.of(region), credentials).build());
    }

    RdsClient rds(String region) {
        return track(configure(RdsClient.builder(), Region.of(region), credentials).build());
    }

    LambdaClient lambda(String region) {
        return track(configure(LambdaClient.builder(), Region.of(region), credentials).build());
    }

    IamClient iam() {
        return track(configure(IamClient.builder(), Region.AWS_GLOBAL, credentials).build());
    }

    /** S3 of the home region; path-style addressing when an endpoint URL replaces AWS's bucket host names. */
    S3Client s3() {
        return track(configure(S3Client.builder(), HOME_REGION, credentials)
                .forcePathStyle(options.endpointUrl() != null)
                .build());
    }

    private <C extends SdkClient> C track(C client) {
        toClose.add(client);
        return client;
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, Region region, AwsCredentialsProvider credentialsProvider) {
        builder.region(region)
                .credentialsProvider(credentialsProvider)
                .httpClient(httpClient)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.ADAPTIVE_V2)
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .apiCallTimeout(CALL_TIMEOUT)
                        .build());
        if (options.endpointUrl() != null) {
            builder.endpointOverride(options.endpointUrl());
        }
        return builder;
    }

    @Override
    public void close() {
        for (int index = toClose.size() - 1; index >= 0; index--) {
            try {
                toClose.get(index).close();
            } catch (Exception ignored) {
                // Closing releases connections; a failure to do so changes nothing for the caller.
            }
        }
        toClose.clear();
    }
}
