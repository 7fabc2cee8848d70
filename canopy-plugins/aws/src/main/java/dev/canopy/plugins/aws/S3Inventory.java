package dev.canopy.plugins.aws;

import dev.canopy.plugin.api.collector.CollectedResource;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;

import java.util.stream.Stream;

import static dev.canopy.plugins.aws.AwsService.Types;

/**
 * The account's S3 buckets (a global listing); each bucket's region comes from the listing when AWS gives
 * it there, else from GetBucketLocation.
 */
final class S3Inventory {

    private final S3Client s3;
    private final String account;

    S3Inventory(S3Client s3, String account) {
        this.s3 = s3;
        this.account = account;
    }

    Stream<CollectedResource> buckets() {
        return s3.listBucketsPaginator(request -> request.maxBuckets(1000)).buckets().stream().map(this::bucket);
    }

    private CollectedResource bucket(Bucket bucket) {
        String region = bucket.bucketRegion() != null && !bucket.bucketRegion().isBlank() ? bucket.bucketRegion() : location(bucket.name());
        return new CloudServiceItem(Types.BUCKET, account, region, "arn:aws:s3:::" + bucket.name())
                .name(bucket.name())
                .launchedAt(bucket.creationDate())
                .externalLink("https://s3.console.aws.amazon.com/s3/buckets/" + bucket.name())
                .data("name", bucket.name())
                .data("arn", "arn:aws:s3:::" + bucket.name())
                .data("region_name", region)
                .data("creation_date", bucket.creationDate())
                .build();
    }

    /**
     * The bucket's region by GetBucketLocation: no constraint means us-east-1, {@code EU} the old name of
     * eu-west-1. A bucket whose location cannot be read is still listed, in the home region.
     */
    private String location(String bucketName) {
        try {
            String constraint = s3.getBucketLocation(request -> request.bucket(bucketName)).locationConstraintAsString();
            if (constraint == null || constraint.isBlank() || "null".equals(constraint)) {
                return "us-east-1";
            }
            return "EU".equals(constraint) ? "eu-west-1" : constraint;
        } catch (SdkException e) {
            return AwsSession.HOME_REGION.id();
        }
    }
}
