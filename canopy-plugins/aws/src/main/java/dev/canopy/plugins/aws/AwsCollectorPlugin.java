package dev.canopy.plugins.aws;

import dev.canopy.plugin.api.PluginException;
import dev.canopy.plugin.api.PluginMetadata;
import dev.canopy.plugin.api.collector.CollectRequest;
import dev.canopy.plugin.api.collector.CollectTask;
import dev.canopy.plugin.api.collector.CollectedResource;
import dev.canopy.plugin.api.collector.CollectorPlugin;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.model.Region;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static dev.canopy.plugins.aws.AwsService.Types;

/**
 * The AWS inventory collector. Credentials are the secret data of the managed AWS schemas
 * ({@code aws_access_key_id}, {@code aws_secret_access_key}, optionally {@code role_arn} and
 * {@code external_id} to assume a role with them first); options are read by {@link AwsCollectorOptions}.
 * {@link #tasks} gives one task per region ({@code {"region": "eu-west-1"}}) and one {@code {"region":
 * "global"}} task for S3 and IAM. A task streams the cloud service types of its services, its region, then
 * the resources, the services of a region read in parallel (at most {@value #SERVICES_IN_PARALLEL} at a
 * time); a service that fails in a region becomes one error item. Stateless and thread-safe: each call
 * opens and closes its own clients.
 */
public final class AwsCollectorPlugin implements CollectorPlugin {

    /** The task key, and its value for the global services. */
    static final String REGION = "region";
    static final String GLOBAL = IamInventory.GLOBAL_REGION;

    private static final int SERVICES_IN_PARALLEL = 3;

    @Override
    public PluginMetadata init(Map<String, Object> options) {
        AwsCollectorOptions.parse(options);
        return PluginMetadata.of(Map.of(
                "supported_resource_type", List.of("inventory.CloudService", "inventory.CloudServiceType", "inventory.Region"),
                "supported_schedules", List.of("hours"),
                "supported_features", List.of("garbage_collection"),
                "filter_format", List.of(),
                "options_schema", AwsCollectorOptions.schema()));
    }

    @Override
    public void verify(Map<String, Object> options, Map<String, Object> secretData) {
        AwsCollectorOptions parsed = AwsCollectorOptions.parse(options);
        try (AwsSession session = AwsSession.open(parsed, AwsSecret.parse(secretData))) {
            session.accountId();
        }
    }

    @Override
    public List<CollectTask> tasks(CollectRequest request) {
        AwsCollectorOptions options = AwsCollectorOptions.parse(request.options());
        AwsSecret secret = AwsSecret.parse(request.secretData());
        List<CollectTask> tasks = new ArrayList<>();
        if (options.anyRegional()) {
            try (AwsSession session = AwsSession.open(options, secret)) {
                regions(options, session).forEach(region -> tasks.add(new CollectTask(Map.of(REGION, region))));
            }
        }
        if (options.anyGlobal()) {
            tasks.add(new CollectTask(Map.of(REGION, GLOBAL)));
        }
        return tasks;
    }

    @Override
    public Stream<CollectedResource> collect(CollectRequest request) {
        AwsCollectorOptions options = AwsCollectorOptions.parse(request.options());
        AwsSecret secret = AwsSecret.parse(request.secretData());
        Object task = request.taskOptions().get(REGION);
        if (!request.taskOptions().isEmpty() && !(task instanceof String)) {
            throw PluginException.rejected("task options need a region: a region code or 'global'");
        }
        AwsSession session = AwsSession.open(options, secret);
        try {
            String account = session.accountId();
            Stream<CollectedResource> items;
            if (task == null) {
                items = wholeAccount(options, session, account);
            } else if (GLOBAL.equals(task)) {
                items = Stream.concat(types(options, true), global(options, session, account));
            } else {
                items = Stream.concat(types(options, false), region(options, session, account, (String) task));
            }
            return items.onClose(session::close);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** The types of every service, then every region, then the global services. */
    private Stream<CollectedResource> wholeAccount(AwsCollectorOptions options, AwsSession session, String account) {
        List<Supplier<Stream<CollectedResource>>> parts = new ArrayList<>();
        parts.add(() -> options.services().stream().flatMap(service -> service.types().stream()).map(CloudServiceType::item));
        if (options.anyRegional()) {
            for (String region : regions(options, session)) {
                parts.add(() -> region(options, session, account, region));
            }
        }
        if (options.anyGlobal()) {
            parts.add(() -> global(options, session, account));
        }
        return SequentialCollection.concat(parts);
    }

    private static Stream<CollectedResource> types(AwsCollectorOptions options, boolean global) {
        return options.services().stream().filter(service -> service.global() == global)
                .flatMap(service -> service.types().stream()).map(CloudServiceType::item);
    }

    /** The region, then its regional services read in parallel. */
    private Stream<CollectedResource> region(AwsCollectorOptions options, AwsSession session, String account, String region) {
        List<Supplier<Stream<CollectedResource>>> services = new ArrayList<>();
        for (AwsService service : options.services()) {
            switch (service) {
                case EC2 -> services.add(() -> {
                    Ec2Inventory ec2 = new Ec2Inventory(session.ec2(region), account, region);
                    return SequentialCollection.concat(List.of(
                            () -> GuardedCollection.of(Types.INSTANCE, "EC2 DescribeInstances", region, ec2::instances),
                            () -> GuardedCollection.of(Types.VOLUME, "EC2 DescribeVolumes", region, ec2::volumes),
                            () -> GuardedCollection.of(Types.SECURITY_GROUP, "EC2 DescribeSecurityGroups", region, ec2::securityGroups)));
                });
                case VPC -> services.add(() -> {
                    Ec2Inventory ec2 = new Ec2Inventory(session.ec2(region), account, region);
                    return SequentialCollection.concat(List.of(
                            () -> GuardedCollection.of(Types.VPC, "EC2 DescribeVpcs", region, ec2::vpcs),
                            () -> GuardedCollection.of(Types.SUBNET, "EC2 DescribeSubnets", region, ec2::subnets)));
                });
                case RDS -> services.add(() -> GuardedCollection.of(Types.RDS_INSTANCE, "RDS DescribeDBInstances", region,
                        () -> new RdsInventory(session.rds(region), account, region).instances()));
                case LAMBDA -> services.add(() -> GuardedCollection.of(Types.FUNCTION, "Lambda ListFunctions", region,
                        () -> new LambdaInventory(session.lambda(region), account, region).functions()));
                default -> {
                    // S3 and IAM are global: read in the global task.
                }
            }
        }
        return Stream.concat(Stream.of(InventoryItems.region(region)), ConcurrentCollection.merge(services, SERVICES_IN_PARALLEL));
    }

    /** S3 buckets and IAM users, and the {@code global} region of the IAM users. */
    private Stream<CollectedResource> global(AwsCollectorOptions options, AwsSession session, String account) {
        List<Supplier<Stream<CollectedResource>>> services = new ArrayList<>();
        if (options.services().contains(AwsService.S3)) {
            services.add(() -> GuardedCollection.of(Types.BUCKET, "S3 ListBuckets", null,
                    () -> new S3Inventory(session.s3(), account).buckets()));
        }
        if (options.services().contains(AwsService.IAM)) {
            services.add(() -> Stream.concat(Stream.of(InventoryItems.region(GLOBAL)),
                    GuardedCollection.of(Types.USER, "IAM ListUsers", null,
                            () -> new IamInventory(session.iam(), account).users())));
        }
        return ConcurrentCollection.merge(services, SERVICES_IN_PARALLEL);
    }

    /** The {@code regions} option, else the regions enabled for the account (EC2 DescribeRegions). */
    private static List<String> regions(AwsCollectorOptions options, AwsSession session) {
        if (!options.regions().isEmpty()) {
            return options.regions();
        }
        try {
            return session.ec2(AwsSession.HOME_REGION.id()).describeRegions().regions().stream()
                    .map(Region::regionName).sorted().toList();
        } catch (SdkException e) {
            if (AwsErrors.badCredentials(e)) {
                throw PluginException.rejected("AWS did not accept the credentials: EC2 DescribeRegions failed: "
                        + AwsErrors.describe(e));
            }
            throw PluginException.rejected("cannot list the account's regions (EC2 DescribeRegions failed: "
                    + AwsErrors.describe(e) + "); set the regions option");
        }
    }
}
