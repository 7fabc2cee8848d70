/**
 * The AWS inventory collector ({@code plugin-aws-inven-collector}, provider {@code aws}): reads an AWS
 * account with the AWS SDK for Java v2 and streams its EC2 instances, EBS volumes, security groups, VPCs,
 * subnets, S3 buckets, RDS DB instances, Lambda functions and IAM users as Cloudforet cloud services, with
 * their cloud service types and regions. Exposes {@link dev.canopy.plugins.aws.AwsCollectorPluginFactory}
 * (found with {@link java.util.ServiceLoader}) and {@link dev.canopy.plugins.aws.AwsCollectorPlugin};
 * depends on the plugin API, the plugin SDK (for the runnable jar) and the AWS SDK.
 */
package dev.canopy.plugins.aws;
