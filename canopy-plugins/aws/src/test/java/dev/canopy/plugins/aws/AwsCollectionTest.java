package dev.canopy.plugins.aws;

import dev.canopy.plugin.api.PluginException;
import dev.canopy.plugin.api.PluginFailure;
import dev.canopy.plugin.api.PluginMetadata;
import dev.canopy.plugin.api.collector.CollectRequest;
import dev.canopy.plugin.api.collector.CollectTask;
import dev.canopy.plugin.api.collector.CollectedResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What the AWS collector makes of AWS's example responses, and how it copes with AWS failing. */
@Timeout(60)
@SuppressWarnings("unchecked")
class AwsCollectionTest {

    private static final Map<String, Object> KEYS = Map.of(
            "aws_access_key_id", FakeAws.ACCESS_KEY, "aws_secret_access_key", FakeAws.SECRET_KEY);

    private FakeAws aws;
    private final AwsCollectorPlugin plugin = new AwsCollectorPlugin();

    @BeforeEach
    void startAws() {
        aws = new FakeAws();
    }

    @AfterEach
    void stopAws() {
        aws.close();
    }

    @Test
    void anEc2InstanceCarriesItsIdTypeAddressesLaunchTimeStateAndTags() {
        List<CollectedResource> items = collect(Map.of(), Map.of("region", "eu-west-1"));
        Map<String, Object> instance = cloudService(items, "i-1234567890abcdef0");

        assertThat(instance).containsEntry("name", "Server_1")
                .containsEntry("cloud_service_group", "EC2")
                .containsEntry("cloud_service_type", "Instance")
                .containsEntry("provider", "aws")
                .containsEntry("account", "123456789012")
                .containsEntry("region_code", "eu-west-1")
                .containsEntry("instance_type", "t2.micro")
                .containsEntry("instance_size", 1.0)
                .containsEntry("launched_at", "2018-05-08T16:46:19Z")
                .containsEntry("ip_addresses", List.of("192.168.1.88", "54.194.252.215"))
                .containsEntry("tags", Map.of("Name", "Server_1"))
                .doesNotContainKey("state");
        assertThat(data(instance)).containsEntry("instance_state", "running")
                .containsEntry("image_id", "ami-bff32ccc")
                .containsEntry("vpc_id", "vpc-11112222")
                .containsEntry("subnet_id", "subnet-56f5f633")
                .containsEntry("availability_zone", "eu-west-1c")
                .containsEntry("key_name", "my_keypair")
                .containsEntry("public_ip_address", "54.194.252.215")
                .containsEntry("reservation_id", "r-1234567890abcdef0")
                .containsEntry("security_groups", List.of(Map.of("group_id", "sg-e4076980", "group_name", "SecurityGroup1")));
        assertThat((Map<String, Object>) instance.get("reference")).containsEntry("resource_id", "i-1234567890abcdef0")
                .containsEntry("external_link", "https://console.aws.amazon.com/ec2/home?region=eu-west-1#InstanceDetails:instanceId=i-1234567890abcdef0");
    }

    @Test
    void volumesSubnetsAndSecurityGroupsAreMappedFromTheirResponses() {
        List<CollectedResource> items = collect(Map.of(), Map.of("region", "us-east-1"));

        Map<String, Object> volume = cloudService(items, "vol-1234567890abcdef0");
        assertThat(volume).containsEntry("cloud_service_group", "EC2").containsEntry("cloud_service_type", "Volume")
                .containsEntry("instance_type", "standard").containsEntry("instance_size", 80.0)
                .containsEntry("launched_at", "2013-12-18T22:35:00.084Z");
        assertThat(data(volume)).containsEntry("state", "in-use").containsEntry("size", 80).containsEntry("encrypted", true)
                .containsEntry("availability_zone", "us-east-1a");
        assertThat((List<Object>) data(volume).get("attachments")).singleElement()
                .satisfies(attachment -> assertThat((Map<String, Object>) attachment).containsEntry("instance_id", "i-1234567890abcdef0")
                        .containsEntry("device", "/dev/sdh"));

        Map<String, Object> subnet = cloudService(items, "subnet-1a2b3c4d");
        assertThat(subnet).containsEntry("name", "my-subnet-01").containsEntry("cloud_service_group", "VPC")
                .containsEntry("cloud_service_type", "Subnet");
        assertThat(data(subnet)).containsEntry("vpc_id", "vpc-1a2b3c4d").containsEntry("cidr_block", "10.0.1.0/24")
                .containsEntry("available_ip_address_count", 251).containsEntry("availability_zone_id", "use1-az2");

        Map<String, Object> group = cloudService(items, "sg-1a2b3c4d");
        assertThat(group).containsEntry("name", "WebServers").containsEntry("cloud_service_type", "SecurityGroup")
                .containsEntry("tags", Map.of("team", "web"));
        assertThat(data(group)).containsEntry("description", "Web Servers").containsEntry("vpc_id", "vpc-614cc409")
                .containsEntry("inbound_rule_count", 1);
        assertThat((List<Object>) data(group).get("ip_permissions")).singleElement()
                .satisfies(rule -> assertThat((Map<String, Object>) rule).containsEntry("ip_protocol", "tcp").containsEntry("from_port", 80)
                        .containsEntry("to_port", 80).containsEntry("ip_ranges", List.of("0.0.0.0/0")));
    }

    @Test
    void vpcsAreReadOverTwoPagesFollowingTheNextToken() {
        List<CollectedResource> items = collect(Map.of("services", List.of("VPC")), Map.of("region", "eu-west-1"));

        assertThat(cloudServices(items, "VPC", "VPC")).extracting(vpc -> ((Map<String, Object>) vpc.get("reference")).get("resource_id"))
                .containsExactly("vpc-1a2b3c4d", "vpc-0e9801d129EXAMPLE");
        assertThat(data(cloudService(items, "vpc-1a2b3c4d"))).containsEntry("cidr_block", "10.0.0.0/23").containsEntry("is_default", false);
        assertThat(cloudService(items, "vpc-1a2b3c4d")).containsEntry("name", "MyVPC").containsEntry("tags", Map.of("Name", "MyVPC"));
        assertThat(data(cloudService(items, "vpc-0e9801d129EXAMPLE"))).containsEntry("is_default", true)
                .containsEntry("owner_id", "111122223333");
        List<FakeAws.Call> pages = aws.calls("ec2", "DescribeVpcs");
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).parameters()).doesNotContainKey("NextToken");
        assertThat(pages.get(1).parameters()).containsEntry("NextToken", "eyJ2IjoiMiIsImMiOiJ2cGMtMWEyYjNjNGQifQ==");
        assertThat(pages).allSatisfy(call -> assertThat(call.region()).isEqualTo("eu-west-1"));
    }

    @Test
    void rdsInstancesAndLambdaFunctionsOfBothPagesAreCollected() {
        List<CollectedResource> items = collect(Map.of("services", List.of("RDS", "Lambda")), Map.of("region", "us-west-2"));

        Map<String, Object> database = cloudService(items, "arn:aws:rds:us-west-2:123456789012:db:mysqldb");
        assertThat(database).containsEntry("name", "mysqldb").containsEntry("cloud_service_group", "RDS")
                .containsEntry("instance_type", "db.t2.micro").containsEntry("launched_at", "2016-05-24T20:00:03.233Z")
                .containsEntry("tags", Map.of("environment", "test"));
        assertThat(data(database)).containsEntry("engine", "mysql").containsEntry("engine_version", "5.6.27")
                .containsEntry("db_instance_status", "available").containsEntry("vpc_id", "vpc-6594f31c")
                .containsEntry("endpoint", Map.of("address", "mysqldb.123456789012.us-west-2.rds.amazonaws.com",
                        "port", 3306, "hosted_zone_id", "Z1PVIF0EXAMPLE"));

        assertThat(cloudServices(items, "Lambda", "Function")).extracting(function -> function.get("name"))
                .containsExactly("my-function", "helloworld");
        Map<String, Object> function = cloudService(items, "arn:aws:lambda:us-west-2:123456789012:function:my-function");
        assertThat(data(function)).containsEntry("runtime", "nodejs12.x").containsEntry("handler", "index.handler")
                .containsEntry("memory_size", 256).containsEntry("timeout", 15).containsEntry("code_size", 5797206L)
                .containsEntry("tracing_mode", "Active").containsEntry("architectures", List.of("x86_64"));
        assertThat(aws.calls("lambda", "ListFunctions")).hasSize(2);
    }

    @Test
    void theGlobalTaskCollectsBucketsWithTheirRegionsAndIamUsers() {
        List<CollectedResource> items = collect(Map.of(), Map.of("region", "global"));

        Map<String, Object> listed = cloudService(items, "arn:aws:s3:::amzn-s3-demo-bucket");
        assertThat(listed).containsEntry("name", "amzn-s3-demo-bucket").containsEntry("region_code", "eu-west-1")
                .containsEntry("launched_at", "2019-12-11T23:32:47Z");
        Map<String, Object> located = cloudService(items, "arn:aws:s3:::amzn-s3-demo-bucket1");
        assertThat(located).containsEntry("region_code", "us-west-2");
        assertThat(aws.calls("s3", "GetBucketLocation")).hasSize(1);

        assertThat(cloudServices(items, "IAM", "User")).extracting(user -> user.get("name")).containsExactly("Andrew", "Jackie");
        Map<String, Object> andrew = cloudService(items, "arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/engineering/Andrew");
        assertThat(andrew).containsEntry("region_code", "global").containsEntry("launched_at", "2012-09-05T19:38:48Z");
        assertThat(data(andrew)).containsEntry("user_id", "AID2MAB8DPLSRHEXAMPLE")
                .containsEntry("path", "/division_abc/subdivision_xyz/engineering/")
                .containsEntry("password_last_used", "2014-09-08T21:47:36Z");
        assertThat(items).filteredOn(item -> item.resourceType().equals("inventory.CloudServiceType"))
                .extracting(item -> item.resource().get("group") + "/" + item.resource().get("name"))
                .containsExactlyInAnyOrder("S3/Bucket", "IAM/User");
    }

    @Test
    void everyTypeComesBeforeItsResourcesWithViewMetadata() {
        List<CollectedResource> items = collect(Map.of(), Map.of("region", "eu-west-1"));
        List<CollectedResource> types = items.stream().filter(item -> item.resourceType().equals("inventory.CloudServiceType")).toList();

        assertThat(types).extracting(item -> item.resource().get("group") + "/" + item.resource().get("name"))
                .containsExactlyInAnyOrder("EC2/Instance", "EC2/Volume", "EC2/SecurityGroup", "VPC/VPC", "VPC/Subnet",
                        "RDS/Instance", "Lambda/Function");
        int lastType = items.indexOf(types.get(types.size() - 1));
        int firstService = items.indexOf(items.stream().filter(item -> item.resourceType().equals("inventory.CloudService")).findFirst().orElseThrow());
        assertThat(lastType).isLessThan(firstService);

        Map<String, Object> instanceType = types.stream().filter(item -> item.resource().get("group").equals("EC2")
                && item.resource().get("name").equals("Instance")).findFirst().orElseThrow().resource();
        assertThat(instanceType).containsEntry("provider", "aws").containsEntry("is_primary", true).containsEntry("is_major", true)
                .containsEntry("service_code", "AmazonEC2").containsEntry("resource_type", "inventory.CloudService");
        Map<?, ?> view = (Map<String, Object>) ((Map<String, Object>) instanceType.get("metadata")).get("view");
        Map<?, ?> layout = (Map<String, Object>) ((Map<String, Object>) view.get("table")).get("layout");
        assertThat(layout.get("type")).isEqualTo("query-search-table");
        assertThat((List<Object>) ((Map<String, Object>) layout.get("options")).get("fields"))
                .anySatisfy(field -> assertThat((Map<String, Object>) field).containsEntry("key", "data.instance_state").containsEntry("type", "state"))
                .anySatisfy(field -> assertThat((Map<String, Object>) field).containsEntry("key", "instance_type"));
        assertThat((List<Object>) view.get("search")).anySatisfy(field -> assertThat((Map<String, Object>) field).containsEntry("key", "ip_addresses"));
        assertThat(items).filteredOn(item -> item.resourceType().equals("inventory.Region")).singleElement()
                .satisfies(region -> assertThat(region.resource()).containsEntry("region_code", "eu-west-1")
                        .containsEntry("name", "Europe (Ireland)"));
    }

    @Test
    void aThrottledCallIsRetriedUntilItSucceeds() {
        aws.failOnce("iam", "ListUsers", 400, "iam-throttling.xml");

        List<CollectedResource> items = collect(Map.of("services", List.of("IAM")), Map.of("region", "global"));

        assertThat(aws.calls("iam", "ListUsers")).hasSize(2);
        assertThat(cloudServices(items, "IAM", "User")).hasSize(2);
        assertThat(items).noneMatch(item -> item.state() == CollectedResource.State.FAILURE);
    }

    @Test
    void accessDeniedInOneServiceBecomesAnErrorItemWhileTheOthersAreCollected() {
        aws.failAlways("rds", "DescribeDBInstances", 403, "rds-access-denied.xml");

        List<CollectedResource> items = collect(Map.of(), Map.of("region", "eu-west-1"));

        assertThat(items).filteredOn(item -> item.state() == CollectedResource.State.FAILURE).singleElement().satisfies(error -> {
            assertThat(error.resourceType()).isEqualTo("inventory.ErrorResource");
            assertThat(error.resource()).containsEntry("provider", "aws").containsEntry("cloud_service_group", "RDS")
                    .containsEntry("cloud_service_type", "Instance").containsEntry("region_code", "eu-west-1");
            assertThat(error.message()).contains("RDS DescribeDBInstances in eu-west-1", "AccessDenied", "HTTP 403")
                    .doesNotContain(FakeAws.SECRET_KEY);
        });
        assertThat(aws.calls("rds", "DescribeDBInstances")).hasSize(1);
        assertThat(cloudService(items, "i-1234567890abcdef0")).isNotNull();
        assertThat(cloudServices(items, "Lambda", "Function")).hasSize(2);
        assertThat(cloudServices(items, "VPC", "VPC")).hasSize(2);
    }

    @Test
    void badCredentialsMakeVerifyRejectWithAwsErrorCode() {
        Map<String, Object> bad = Map.of("aws_access_key_id", FakeAws.BAD_ACCESS_KEY, "aws_secret_access_key", FakeAws.SECRET_KEY);

        PluginException rejected = catchThrowableOfType(PluginException.class, () -> plugin.verify(options(Map.of()), bad));

        assertThat(rejected.failure()).isEqualTo(PluginFailure.REJECTED);
        assertThat(rejected.getMessage()).contains("InvalidClientTokenId").doesNotContain(FakeAws.SECRET_KEY);
        assertThat(catchThrowableOfType(PluginException.class, () -> plugin.verify(options(Map.of()), Map.of("aws_access_key_id", "x"))).failure())
                .isEqualTo(PluginFailure.REJECTED);
    }

    @Test
    void anAwsAuthFailureInDescribeRegionsRejectsTheTasks() {
        aws.failAlways("ec2", "DescribeRegions", 401, "ec2-auth-failure.xml");
        PluginException rejected = catchThrowableOfType(PluginException.class,
                () -> plugin.tasks(new CollectRequest(Map.of("endpoint_url", aws.url()), KEYS, Map.of(), Map.of())));

        assertThat(rejected.failure()).isEqualTo(PluginFailure.REJECTED);
        // EC2 answers bad credentials with HTTP 401; the JDK's HTTP client drops the body of a 401 to a POST.
        assertThat(rejected.getMessage()).contains("did not accept the credentials", "EC2 DescribeRegions", "HTTP 401");
    }

    @Test
    void tasksAreTheEnabledRegionsAndOneGlobalTask() {
        List<CollectTask> tasks = plugin.tasks(new CollectRequest(Map.of("endpoint_url", aws.url()), KEYS, Map.of(), Map.of()));

        assertThat(tasks).extracting(CollectTask::taskOptions).containsExactly(
                Map.of("region", "eu-west-1"), Map.of("region", "us-east-1"), Map.of("region", "global"));
        assertThat(plugin.tasks(new CollectRequest(options(Map.of("services", List.of("S3"))), KEYS, Map.of(), Map.of())))
                .extracting(CollectTask::taskOptions).containsExactly(Map.of("region", "global"));
    }

    @Test
    void aRoleIsAssumedWithTheTrustedKeysAndItsCredentialsReadTheAccount() {
        Map<String, Object> secret = new HashMap<>(KEYS);
        secret.put("role_arn", "arn:aws:iam::123456789012:role/demo");
        secret.put("external_id", "canopy-external-id");

        List<CollectedResource> items = collect(Map.of("services", List.of("EC2")), Map.of("region", "eu-west-1"), secret);

        List<FakeAws.Call> assumed = aws.calls("sts", "AssumeRole");
        assertThat(assumed).isNotEmpty().allSatisfy(call -> {
            assertThat(call.accessKey()).isEqualTo(FakeAws.ACCESS_KEY);
            assertThat(call.parameters()).containsEntry("RoleArn", "arn:aws:iam::123456789012:role/demo")
                    .containsEntry("ExternalId", "canopy-external-id");
        });
        assertThat(aws.calls("ec2", "DescribeInstances")).singleElement()
                .satisfies(call -> assertThat(call.accessKey()).isEqualTo(FakeAws.ASSUMED_ACCESS_KEY));
        assertThat(cloudService(items, "i-1234567890abcdef0")).containsEntry("account", "123456789012");
    }

    @Test
    void theAccountIdOptionOverridesTheCallerIdentity() {
        List<CollectedResource> items = collect(Map.of("services", List.of("EC2"), "account_id", "210987654321"), Map.of("region", "eu-west-1"));

        assertThat(cloudService(items, "i-1234567890abcdef0")).containsEntry("account", "210987654321");
    }

    @Test
    void initAnswersTheCollectorMetadataAndBadOptionsAreRejected() {
        PluginMetadata metadata = plugin.init(Map.of());

        assertThat(metadata.values()).containsEntry("supported_schedules", List.of("hours"))
                .containsEntry("supported_features", List.of("garbage_collection"))
                .containsEntry("filter_format", List.of())
                .containsEntry("supported_resource_type", List.of("inventory.CloudService", "inventory.CloudServiceType", "inventory.Region"));
        assertThat((Map<String, Object>) ((Map<String, Object>) metadata.values().get("options_schema")).get("properties"))
                .containsKeys("regions", "services", "endpoint_url", "account_id");
        assertThat(catchThrowableOfType(PluginException.class, () -> plugin.init(Map.of("endpoint_url", "ftp://nowhere"))).failure())
                .isEqualTo(PluginFailure.REJECTED);
        assertThat(catchThrowableOfType(PluginException.class, () -> plugin.init(Map.of("regions", "eu-west-1"))).failure())
                .isEqualTo(PluginFailure.REJECTED);
    }

    @Test
    void aServerErrorBeyondTheRetriesBecomesAnErrorItemAndTheServiceGoesOn() {
        aws.failAlways("ec2", "DescribeInstances", 503, "ec2-auth-failure.xml");

        List<CollectedResource> items = collect(Map.of("services", List.of("EC2")), Map.of("region", "eu-west-1"));

        assertThat(aws.calls("ec2", "DescribeInstances")).hasSizeGreaterThan(1);
        assertThat(items).filteredOn(item -> item.state() == CollectedResource.State.FAILURE).singleElement()
                .satisfies(error -> {
                    assertThat(error.message()).contains("EC2 DescribeInstances in eu-west-1", "HTTP 503");
                    assertThat(error.resource()).containsEntry("cloud_service_type", "Instance");
                });
        assertThat(cloudService(items, "vol-1234567890abcdef0")).isNotNull();
        assertThat(cloudService(items, "sg-1a2b3c4d")).isNotNull();
    }

    @Test
    void closingTheStreamEarlyStopsTheRegionsServices() throws InterruptedException {
        try (Stream<CollectedResource> items = plugin.collect(new CollectRequest(options(Map.of()), KEYS, Map.of(), Map.of("region", "eu-west-1")))) {
            assertThat(items.iterator().next().resourceType()).isEqualTo("inventory.CloudServiceType");
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (collectorThreadsAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(collectorThreadsAlive()).as("the task's pool has stopped").isFalse();
        int callsAfterStop = aws.calls().size();
        Thread.sleep(300);
        assertThat(aws.calls()).hasSize(callsAfterStop);
    }

    private static boolean collectorThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().startsWith("aws-collector-") && thread.isAlive());
    }

    private Map<String, Object> options(Map<String, Object> extra) {
        Map<String, Object> options = new HashMap<>(extra);
        options.put("endpoint_url", aws.url());
        return options;
    }

    private List<CollectedResource> collect(Map<String, Object> options, Map<String, Object> taskOptions) {
        return collect(options, taskOptions, KEYS);
    }

    private List<CollectedResource> collect(Map<String, Object> options, Map<String, Object> taskOptions, Map<String, Object> secret) {
        try (Stream<CollectedResource> items = plugin.collect(new CollectRequest(options(options), secret, Map.of(), taskOptions))) {
            return items.toList();
        }
    }

    private static List<Map<String, Object>> cloudServices(List<CollectedResource> items, String group, String type) {
        return items.stream().filter(item -> item.resourceType().equals("inventory.CloudService"))
                .map(CollectedResource::resource)
                .filter(resource -> group.equals(resource.get("cloud_service_group")) && type.equals(resource.get("cloud_service_type")))
                .toList();
    }

    private static Map<String, Object> cloudService(List<CollectedResource> items, String resourceId) {
        return items.stream().filter(item -> item.resourceType().equals("inventory.CloudService"))
                .map(CollectedResource::resource)
                .filter(resource -> resourceId.equals(((Map<String, Object>) resource.get("reference")).get("resource_id")))
                .findFirst().orElseThrow(() -> new AssertionError("no cloud service " + resourceId + " among " + items.size() + " items"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> cloudService) {
        return (Map<String, Object>) cloudService.get("data");
    }
}
