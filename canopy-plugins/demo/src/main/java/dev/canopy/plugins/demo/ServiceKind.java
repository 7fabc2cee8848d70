package dev.canopy.plugins.demo;

import dev.canopy.plugin.api.collector.CollectedResource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fifteen kinds of cloud service of the demo estate, five per cloud, with their share of the
 * estate and the {@code inventory.CloudServiceType} (and its console view) each is listed under.
 * A view field is written {@code "key|Name"} or {@code "key|Name|type"}.
 */
enum ServiceKind {

    AWS_EC2_INSTANCE(Cloud.AWS, "EC2", "Instance", "AmazonEC2", "Compute", true, true, 14,
            List.of("name|Name", "data.instance_state|State|state", "instance_type|Instance Type",
                    "data.availability_zone|Availability Zone", "ip_addresses|IP Addresses|list",
                    "data.image_id|AMI", "account|Account ID", "launched_at|Launched|datetime"),
            List.of("data.instance_id|Instance ID", "data.instance_state|State|state", "data.instance_type|Instance Type",
                    "data.vcpu|vCPU", "data.memory_gib|Memory (GiB)", "data.platform|Platform",
                    "data.architecture|Architecture", "data.vpc_id|VPC ID", "data.subnet_id|Subnet ID",
                    "data.private_ip_address|Private IP", "data.public_ip_address|Public IP", "data.key_name|Key Pair")),
    AWS_EBS_VOLUME(Cloud.AWS, "EC2", "Volume", "AmazonEC2", "Storage", false, true, 14,
            List.of("name|Name", "data.state|State|state", "data.volume_type|Volume Type", "data.size_gb|Size (GB)",
                    "data.iops|IOPS", "data.availability_zone|Availability Zone", "data.attached_instance_id|Attached To",
                    "account|Account ID"),
            List.of("data.volume_id|Volume ID", "data.state|State|state", "data.volume_type|Volume Type",
                    "data.size_gb|Size (GB)", "data.iops|IOPS", "data.throughput_mbps|Throughput (MB/s)",
                    "data.encrypted|Encrypted", "data.attached_instance_id|Attached To")),
    AWS_S3_BUCKET(Cloud.AWS, "S3", "Bucket", "AmazonS3", "Storage", true, true, 5,
            List.of("name|Name", "data.versioning|Versioning|state", "data.object_count|Objects",
                    "instance_size|Size|size", "data.storage_class|Storage Class", "region_code|Region", "account|Account ID"),
            List.of("data.bucket_name|Bucket", "data.versioning|Versioning|state", "data.object_count|Objects",
                    "data.size_bytes|Size|size", "data.encryption|Encryption", "data.public_access_blocked|Public Access Blocked")),
    AWS_RDS_DATABASE(Cloud.AWS, "RDS", "Database", "AmazonRDS", "Database", true, true, 4,
            List.of("name|Name", "data.db_instance_status|Status|state", "data.engine|Engine",
                    "data.engine_version|Engine Version", "instance_type|Class", "data.multi_az|Multi-AZ",
                    "region_code|Region", "account|Account ID"),
            List.of("data.db_instance_identifier|Identifier", "data.db_instance_status|Status|state",
                    "data.engine|Engine", "data.engine_version|Engine Version", "data.db_instance_class|Class",
                    "data.allocated_storage_gb|Storage (GB)", "data.endpoint|Endpoint", "data.port|Port",
                    "data.storage_encrypted|Encrypted")),
    AWS_VPC(Cloud.AWS, "VPC", "VPC", "AmazonVPC", "Networking", true, false, 8,
            List.of("name|Name", "data.state|State|state", "data.cidr_block|CIDR", "data.subnet_count|Subnets",
                    "data.enable_dns_hostnames|DNS Hostnames", "region_code|Region", "account|Account ID"),
            List.of("data.vpc_id|VPC ID", "data.state|State|state", "data.cidr_block|CIDR",
                    "data.enable_dns_hostnames|DNS Hostnames", "data.subnet_count|Subnets", "data.subnets|Subnet List|list")),

    AZURE_VIRTUAL_MACHINE(Cloud.AZURE, "VirtualMachines", "Instance", "Virtual Machines", "Compute", true, true, 9,
            List.of("name|Name", "data.power_state|Power State|state", "instance_type|Size", "data.os_type|OS",
                    "data.resource_group|Resource Group", "ip_addresses|IP Addresses|list", "region_code|Location",
                    "account|Subscription ID"),
            List.of("data.vm_id|VM ID", "data.power_state|Power State|state", "data.vm_size|Size", "data.vcpu|vCPU",
                    "data.memory_gib|Memory (GiB)", "data.os_type|OS", "data.image|Image", "data.zone|Zone",
                    "data.private_ip_address|Private IP", "data.public_ip_address|Public IP")),
    AZURE_DISK(Cloud.AZURE, "Disks", "Disk", "Storage", "Storage", true, true, 9,
            List.of("name|Name", "data.disk_state|State|state", "data.sku|SKU", "data.size_gb|Size (GB)",
                    "data.resource_group|Resource Group", "data.managed_by_vm|Attached To", "region_code|Location"),
            List.of("data.unique_id|Disk ID", "data.disk_state|State|state", "data.sku|SKU", "data.size_gb|Size (GB)",
                    "data.encryption|Encryption", "data.zone|Zone", "data.managed_by_vm|Attached To")),
    AZURE_STORAGE_ACCOUNT(Cloud.AZURE, "StorageAccounts", "Instance", "Storage", "Storage", true, false, 4,
            List.of("name|Name", "data.access_tier|Access Tier|state", "data.sku|SKU", "data.kind|Kind",
                    "instance_size|Used Capacity|size", "data.resource_group|Resource Group", "region_code|Location"),
            List.of("data.access_tier|Access Tier|state", "data.sku|SKU", "data.kind|Kind", "data.used_capacity_bytes|Used|size",
                    "data.primary_endpoint|Blob Endpoint", "data.minimum_tls_version|Minimum TLS",
                    "data.allow_blob_public_access|Public Blob Access")),
    AZURE_SQL_DATABASE(Cloud.AZURE, "SQLDatabases", "Database", "SQL Database", "Database", true, true, 3,
            List.of("name|Name", "data.status|Status|state", "data.server_name|Server", "instance_type|SKU",
                    "data.max_size_gb|Max Size (GB)", "data.resource_group|Resource Group", "region_code|Location"),
            List.of("data.database_id|Database ID", "data.status|Status|state", "data.server_name|Server",
                    "data.sku|SKU", "data.vcores|vCores", "data.max_size_gb|Max Size (GB)", "data.collation|Collation",
                    "data.zone_redundant|Zone Redundant")),
    AZURE_VIRTUAL_NETWORK(Cloud.AZURE, "VirtualNetworks", "Instance", "Virtual Network", "Networking", true, false, 5,
            List.of("name|Name", "data.provisioning_state|State|state", "data.address_space|Address Space|list",
                    "data.subnet_count|Subnets", "data.enable_ddos_protection|DDoS Protection",
                    "data.resource_group|Resource Group", "region_code|Location"),
            List.of("data.resource_guid|Resource GUID", "data.provisioning_state|State|state",
                    "data.address_space|Address Space|list", "data.enable_ddos_protection|DDoS Protection",
                    "data.subnet_count|Subnets", "data.subnets|Subnet List|list")),

    GOOGLE_COMPUTE_INSTANCE(Cloud.GOOGLE_CLOUD, "ComputeEngine", "Instance", "Compute Engine", "Compute", true, true, 8,
            List.of("name|Name", "data.status|Status|state", "instance_type|Machine Type", "data.zone|Zone",
                    "ip_addresses|IP Addresses|list", "account|Project", "launched_at|Created|datetime"),
            List.of("data.id|Instance ID", "data.status|Status|state", "data.machine_type|Machine Type",
                    "data.vcpu|vCPU", "data.memory_gib|Memory (GiB)", "data.network|Network", "data.network_ip|Internal IP",
                    "data.nat_ip|External IP", "data.deletion_protection|Deletion Protection")),
    GOOGLE_COMPUTE_DISK(Cloud.GOOGLE_CLOUD, "ComputeEngine", "Disk", "Compute Engine", "Storage", false, true, 8,
            List.of("name|Name", "data.status|Status|state", "data.type|Type", "data.size_gb|Size (GB)",
                    "data.in_use|In Use", "data.zone|Zone", "account|Project"),
            List.of("data.id|Disk ID", "data.status|Status|state", "data.type|Type", "data.size_gb|Size (GB)",
                    "data.in_use|In Use", "data.users|Used By|list")),
    GOOGLE_STORAGE_BUCKET(Cloud.GOOGLE_CLOUD, "CloudStorage", "Bucket", "Cloud Storage", "Storage", true, true, 3,
            List.of("name|Name", "data.versioning|Versioning|state", "data.storage_class|Storage Class",
                    "data.location|Location", "data.object_count|Objects", "instance_size|Size|size", "account|Project"),
            List.of("data.versioning|Versioning|state", "data.storage_class|Storage Class", "data.location|Location",
                    "data.location_type|Location Type", "data.object_count|Objects", "data.size_bytes|Size|size",
                    "data.public_access_prevention|Public Access Prevention")),
    GOOGLE_CLOUD_SQL(Cloud.GOOGLE_CLOUD, "CloudSQL", "Instance", "Cloud SQL", "Database", true, true, 2,
            List.of("name|Name", "data.state|State|state", "data.database_version|Version", "instance_type|Tier",
                    "data.availability_type|Availability", "region_code|Region", "account|Project"),
            List.of("data.connection_name|Connection Name", "data.state|State|state", "data.database_version|Version",
                    "data.tier|Tier", "data.activation_policy|Activation Policy", "data.data_disk_size_gb|Disk (GB)",
                    "data.private_ip_address|Private IP", "data.backup_enabled|Backups")),
    GOOGLE_VPC_NETWORK(Cloud.GOOGLE_CLOUD, "Networking", "VPCNetwork", "Networking", "Networking", true, false, 4,
            List.of("name|Name", "data.routing_mode|Routing Mode|state", "data.subnet_count|Subnets", "data.mtu|MTU",
                    "data.auto_create_subnetworks|Auto Subnets", "account|Project"),
            List.of("data.id|Network ID", "data.routing_mode|Routing Mode|state", "data.mtu|MTU",
                    "data.auto_create_subnetworks|Auto Subnets", "data.subnet_count|Subnets", "data.subnetworks|Subnetworks|list"));

    /** Kind by percentile of the estate: the weights sum to 100. */
    private static final ServiceKind[] BY_PERCENT = byPercent();

    private final Cloud cloud;
    private final String group;
    private final String type;
    private final int weight;
    private final CollectedResource cloudServiceType;

    ServiceKind(Cloud cloud, String group, String type, String serviceCode, String label, boolean primary, boolean major,
                int weight, List<String> tableFields, List<String> detailFields) {
        this.cloud = cloud;
        this.group = group;
        this.type = type;
        this.weight = weight;
        this.cloudServiceType = CollectedResource.success("inventory.CloudServiceType", List.of(List.of("name", "group", "provider")),
                cloudServiceType(cloud, group, type, serviceCode, label, primary, major, tableFields, detailFields));
    }

    Cloud cloud() {
        return cloud;
    }

    String group() {
        return group;
    }

    String type() {
        return type;
    }

    /** The {@code inventory.CloudServiceType} item of this kind; immutable, shared by every collection. */
    CollectedResource cloudServiceType() {
        return cloudServiceType;
    }

    /** The kind at a percentile {@code 0..99} of the estate. */
    static ServiceKind atPercent(int percent) {
        return BY_PERCENT[percent];
    }

    private static ServiceKind[] byPercent() {
        List<ServiceKind> kinds = new ArrayList<>();
        for (ServiceKind kind : values()) {
            kinds.addAll(Collections.nCopies(kind.weight, kind));
        }
        if (kinds.size() != 100) {
            throw new IllegalStateException("the weights of the kinds sum to " + kinds.size() + ", not 100");
        }
        return kinds.toArray(ServiceKind[]::new);
    }

    private static Map<String, Object> cloudServiceType(Cloud cloud, String group, String type, String serviceCode,
                                                        String label, boolean primary, boolean major,
                                                        List<String> tableFields, List<String> detailFields) {
        Map<String, Object> layout = ordered(
                "name", type,
                "type", "query-search-table",
                "options", ordered("fields", fields(tableFields, true)));
        Map<String, Object> details = ordered(
                "name", type,
                "type", "item",
                "options", ordered("fields", fields(detailFields, false)));
        Map<String, Object> view = ordered(
                "table", ordered("layout", layout),
                "search", fields(tableFields, false),
                "sub_data", ordered("layouts", List.of(details)));
        return ordered(
                "name", type,
                "group", group,
                "provider", cloud.key(),
                "service_code", serviceCode,
                "is_primary", primary,
                "is_major", major,
                "resource_type", "inventory.CloudService",
                // Compute instances are servers too: the inventory's Server view lists them.
                "labels", "Instance".equals(type) && "Compute".equals(label) ? List.of(label, "Server") : List.of(label),
                "tags", Map.of(),
                "metadata", ordered("view", view));
    }

    private static List<Map<String, Object>> fields(List<String> specs, boolean typed) {
        return specs.stream().map(spec -> {
            String[] parts = spec.split("\\|");
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("key", parts[0]);
            field.put("name", parts[1]);
            if (typed && parts.length > 2) {
                field.put("type", parts[2]);
            }
            return Collections.unmodifiableMap(field);
        }).toList();
    }

    /** An unmodifiable map that keeps the order of its keys: the same JSON in every process. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int index = 0; index < keysAndValues.length; index += 2) {
            map.put((String) keysAndValues[index], keysAndValues[index + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
