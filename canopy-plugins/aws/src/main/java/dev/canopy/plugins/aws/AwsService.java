package dev.canopy.plugins.aws;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.canopy.plugins.aws.CloudServiceType.Column.of;
import static dev.canopy.plugins.aws.CloudServiceType.Column.text;

/**
 * The AWS services the collector reads, each with the cloud service types it yields. Regional services are
 * read in every region task, global ones (S3, IAM) in the one {@code global} task.
 */
enum AwsService {
    EC2("EC2", false, List.of(Types.INSTANCE, Types.VOLUME, Types.SECURITY_GROUP)),
    VPC("VPC", false, List.of(Types.VPC, Types.SUBNET)),
    RDS("RDS", false, List.of(Types.RDS_INSTANCE)),
    LAMBDA("Lambda", false, List.of(Types.FUNCTION)),
    S3("S3", true, List.of(Types.BUCKET)),
    IAM("IAM", true, List.of(Types.USER));

    private final String optionName;
    private final boolean global;
    private final List<CloudServiceType> types;

    AwsService(String optionName, boolean global, List<CloudServiceType> types) {
        this.optionName = optionName;
        this.global = global;
        this.types = types;
    }

    /** The name in the {@code services} option: {@code EC2}, {@code VPC}, {@code S3}, {@code RDS}, {@code Lambda}, {@code IAM}. */
    String optionName() {
        return optionName;
    }

    boolean global() {
        return global;
    }

    List<CloudServiceType> types() {
        return types;
    }

    static Optional<AwsService> byOptionName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (AwsService service : values()) {
            if (service.optionName.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }

    /** The type definitions: group, name, billing code, menu flags, labels, table columns and search keys. */
    static final class Types {

        static final CloudServiceType INSTANCE = new CloudServiceType("EC2", "Instance", "AmazonEC2", true, true,
                List.of("Compute", "Server"),
                List.of(text("data.instance_id", "Instance ID"), of("data.instance_state", "State", "state"),
                        text("instance_type", "Instance Type"), text("data.availability_zone", "Availability Zone"),
                        text("data.private_ip_address", "Private IP"), text("data.public_ip_address", "Public IP"),
                        text("data.vpc_id", "VPC ID"), text("data.image_id", "AMI"),
                        text("account", "Account ID"), of("launched_at", "Launched", "datetime")),
                List.of(text("data.instance_id", "Instance ID"), text("data.instance_state", "State"),
                        text("instance_type", "Instance Type"), text("ip_addresses", "IP Address"),
                        text("data.vpc_id", "VPC ID"), text("data.subnet_id", "Subnet ID"),
                        text("data.image_id", "AMI"), text("data.availability_zone", "Availability Zone")));

        static final CloudServiceType VOLUME = new CloudServiceType("EC2", "Volume", "AmazonEC2", false, true,
                List.of("Compute", "Storage"),
                List.of(text("data.volume_id", "Volume ID"), of("data.state", "State", "state"),
                        text("data.volume_type", "Volume Type"), of("data.size", "Size (GiB)", "text"),
                        text("data.iops", "IOPS"), text("data.availability_zone", "Availability Zone"),
                        text("data.encrypted", "Encrypted"), of("launched_at", "Created", "datetime")),
                List.of(text("data.volume_id", "Volume ID"), text("data.state", "State"),
                        text("data.volume_type", "Volume Type"), text("data.attachments.instance_id", "Instance ID"),
                        text("data.availability_zone", "Availability Zone")));

        static final CloudServiceType SECURITY_GROUP = new CloudServiceType("EC2", "SecurityGroup", "AmazonEC2", false, false,
                List.of("Compute", "Security", "Networking"),
                List.of(text("data.group_id", "Group ID"), text("data.group_name", "Group Name"),
                        text("data.vpc_id", "VPC ID"), text("data.description", "Description"),
                        text("data.inbound_rule_count", "Inbound Rules"), text("data.outbound_rule_count", "Outbound Rules")),
                List.of(text("data.group_id", "Group ID"), text("data.group_name", "Group Name"),
                        text("data.vpc_id", "VPC ID"), text("data.ip_permissions.ip_ranges", "Inbound CIDR")));

        static final CloudServiceType VPC = new CloudServiceType("VPC", "VPC", "AmazonVPC", true, true,
                List.of("Networking"),
                List.of(text("data.vpc_id", "VPC ID"), of("data.state", "State", "state"),
                        text("data.cidr_block", "IPv4 CIDR"), text("data.is_default", "Default VPC"),
                        text("data.instance_tenancy", "Tenancy"), text("data.dhcp_options_id", "DHCP Options")),
                List.of(text("data.vpc_id", "VPC ID"), text("data.state", "State"), text("data.cidr_block", "IPv4 CIDR"),
                        text("data.is_default", "Default VPC")));

        static final CloudServiceType SUBNET = new CloudServiceType("VPC", "Subnet", "AmazonVPC", false, false,
                List.of("Networking"),
                List.of(text("data.subnet_id", "Subnet ID"), of("data.state", "State", "state"),
                        text("data.vpc_id", "VPC ID"), text("data.cidr_block", "IPv4 CIDR"),
                        text("data.available_ip_address_count", "Available IPs"),
                        text("data.availability_zone", "Availability Zone"), text("data.default_for_az", "Default Subnet")),
                List.of(text("data.subnet_id", "Subnet ID"), text("data.vpc_id", "VPC ID"),
                        text("data.cidr_block", "IPv4 CIDR"), text("data.availability_zone", "Availability Zone")));

        static final CloudServiceType BUCKET = new CloudServiceType("S3", "Bucket", "AmazonS3", true, true,
                List.of("Storage"),
                List.of(text("name", "Name"), text("region_code", "Region"), of("launched_at", "Created", "datetime"),
                        text("account", "Account ID")),
                List.of(text("name", "Name"), text("region_code", "Region"), text("data.arn", "ARN")));

        static final CloudServiceType RDS_INSTANCE = new CloudServiceType("RDS", "Instance", "AmazonRDS", true, true,
                List.of("Database"),
                List.of(text("data.db_instance_identifier", "DB Identifier"), of("data.db_instance_status", "Status", "state"),
                        text("instance_type", "Class"), text("data.engine", "Engine"), text("data.engine_version", "Engine Version"),
                        text("data.endpoint.address", "Endpoint"), text("data.endpoint.port", "Port"),
                        text("data.availability_zone", "Availability Zone"), text("data.multi_az", "Multi-AZ"),
                        of("launched_at", "Created", "datetime")),
                List.of(text("data.db_instance_identifier", "DB Identifier"), text("data.db_instance_status", "Status"),
                        text("data.engine", "Engine"), text("instance_type", "Class"),
                        text("data.endpoint.address", "Endpoint"), text("data.vpc_id", "VPC ID")));

        static final CloudServiceType FUNCTION = new CloudServiceType("Lambda", "Function", "AWSLambda", true, true,
                List.of("Compute", "Serverless"),
                List.of(text("data.function_name", "Function Name"), of("data.state", "State", "state"),
                        text("data.runtime", "Runtime"), text("data.handler", "Handler"),
                        text("data.memory_size", "Memory (MB)"), text("data.timeout", "Timeout (s)"),
                        of("data.code_size", "Code Size", "size"), of("data.last_modified", "Last Modified", "datetime")),
                List.of(text("data.function_name", "Function Name"), text("data.runtime", "Runtime"),
                        text("data.function_arn", "ARN"), text("data.role", "Role")));

        static final CloudServiceType USER = new CloudServiceType("IAM", "User", "AWSIAM", true, false,
                List.of("Security", "Management"),
                List.of(text("data.user_name", "User Name"), text("data.user_id", "User ID"), text("data.path", "Path"),
                        text("data.arn", "ARN"), of("launched_at", "Created", "datetime"),
                        of("data.password_last_used", "Password Last Used", "datetime")),
                List.of(text("data.user_name", "User Name"), text("data.user_id", "User ID"), text("data.arn", "ARN")));

        private Types() {
        }
    }

}
