package dev.canopy.plugins.aws;

import dev.canopy.plugin.api.PluginDescriptor;
import dev.canopy.plugin.api.PluginKind;
import dev.canopy.plugin.api.collector.CollectorPlugin;
import dev.canopy.plugin.api.collector.CollectorPluginFactory;

import java.util.List;
import java.util.Map;

/** Listed in {@code META-INF/services}: what the SDK's main and in-process hosts find. */
public final class AwsCollectorPluginFactory implements CollectorPluginFactory {

    public static final PluginDescriptor DESCRIPTOR = new PluginDescriptor(
            "plugin-aws-inven-collector", "AWS collector", "1.0.0", PluginKind.COLLECTOR, "aws",
            Map.of("supported_schema", List.of("aws_access_key", "aws_assume_role")),
            List.of("Compute", "Storage", "Networking", "Database", "Security", "Serverless"),
            Map.of("description", "Collects EC2 instances, EBS volumes, security groups, VPCs, subnets, S3 buckets, "
                    + "RDS DB instances, Lambda functions and IAM users of an AWS account"));

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CollectorPlugin create() {
        return new AwsCollectorPlugin();
    }
}
