package dev.canopy.plugins.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.canopy.plugins.demo.CloudServiceDraft.cycle;
import static dev.canopy.plugins.demo.CloudServiceDraft.ordered;

/**
 * The Google-Cloud-shaped kinds: Compute Engine instances and disks, Cloud Storage buckets, Cloud SQL
 * instances, VPC networks (global, with regional subnetworks). Ids are unsigned 64-bit numbers as
 * Compute Engine's; labels take the place of tags.
 */
final class GoogleCloudServices {

    private static final String[] MACHINE_FAMILIES = {"e2-standard-", "n2-standard-", "n2-highmem-", "t2d-standard-"};
    private static final long[] GIB_PER_VCPU = {4, 4, 8, 4};
    private static final long[] VCPUS = {2, 4, 8, 16};
    private static final String[] INSTANCE_STATES = {"RUNNING", "TERMINATED"};
    private static final String[] ROLES = {"web", "api", "worker", "batch", "runner"};
    private static final String[] DISK_TYPES = {"pd-balanced", "pd-balanced", "pd-ssd", "pd-standard", "hyperdisk-balanced"};
    private static final Long[] DISK_SIZES = {10L, 50L, 100L, 200L, 500L, 1000L};
    private static final Boolean[] IN_USE = {true, false};
    private static final String[] PURPOSES = {"assets", "logs", "backups", "exports", "models", "uploads"};
    private static final String[] STORAGE_CLASSES = {"STANDARD", "STANDARD", "NEARLINE", "COLDLINE"};
    private static final Boolean[] VERSIONING = {true, false};
    private static final String[] DATABASE_VERSIONS = {"POSTGRES_16", "POSTGRES_15", "MYSQL_8_0", "SQLSERVER_2022_STANDARD"};
    private static final String[] SQL_STATES = {"RUNNABLE", "STOPPED"};
    private static final String[] ROUTING_MODES = {"REGIONAL", "GLOBAL"};

    private GoogleCloudServices() {
    }

    static void fill(CloudServiceDraft draft) {
        switch (draft.incarnation.kind()) {
            case GOOGLE_COMPUTE_INSTANCE -> instance(draft);
            case GOOGLE_COMPUTE_DISK -> disk(draft);
            case GOOGLE_STORAGE_BUCKET -> bucket(draft);
            case GOOGLE_CLOUD_SQL -> cloudSql(draft);
            default -> network(draft);
        }
        draft.putTags();
    }

    private static String console(CloudServiceDraft draft, String path) {
        return "https://console.cloud.google.com/" + path + (path.contains("?") ? "&" : "?") + "project=" + draft.account;
    }

    private static void instance(CloudServiceDraft draft) {
        Draw draw = draft.draw;
        Estate.Incarnation life = draft.incarnation;
        int family = draw.nextInt(MACHINE_FAMILIES.length);
        int sizeBase = draw.nextInt(VCPUS.length);
        String role = draw.pick(ROLES);
        String zone = draw.pick(draft.region.zones());
        String networkIp = draw.privateIp();
        String natIp = draw.publicIp();
        boolean hasNatIp = draw.percent(30);
        int stateBase = draw.percent(87) ? 0 : 1;
        boolean deletionProtection = "prod".equals(draft.env) && draw.percent(50);

        long vcpu = VCPUS[(int) ((sizeBase + life.sizeChanges()) % VCPUS.length)];
        String machineType = MACHINE_FAMILIES[family] + vcpu;
        String id = Long.toUnsignedString(life.identity());
        draft.name = draft.app + '-' + draft.envShort() + '-' + role + '-' + Draw.token(life.identity());
        draft.resourceId = id;
        draft.instanceType = machineType;
        draft.instanceSize = vcpu;
        draft.ipAddresses = hasNatIp ? List.of(networkIp, natIp) : List.of(networkIp);
        draft.externalLink = console(draft, "compute/instancesDetail/zones/" + zone + "/instances/" + draft.name);
        Map<String, Object> data = draft.data;
        data.put("id", id);
        data.put("status", cycle(INSTANCE_STATES, stateBase, life.stateChanges()));
        data.put("machine_type", machineType);
        data.put("vcpu", vcpu);
        data.put("memory_gib", vcpu * GIB_PER_VCPU[family]);
        data.put("zone", zone);
        data.put("network", "vpc-" + draft.app + '-' + draft.envShort());
        data.put("network_ip", networkIp);
        data.put("nat_ip", hasNatIp ? natIp : null);
        data.put("deletion_protection", deletionProtection);
        data.put("self_link", "https://www.googleapis.com/compute/v1/projects/" + draft.account + "/zones/" + zone
                + "/instances/" + draft.name);
    }

    private static void disk(CloudServiceDraft draft) {
        Draw draw = draft.draw;
        Estate.Incarnation life = draft.incarnation;
        String type = draw.pick(DISK_TYPES);
        long baseSize = draw.pick(DISK_SIZES);
        String zone = draw.pick(draft.region.zones());
        int useBase = draw.percent(80) ? 0 : 1;
        String user = draft.app + '-' + draft.envShort() + "-worker-" + draw.hex(6);

        long sizeGb = baseSize + 100 * life.sizeChanges();
        boolean inUse = cycle(IN_USE, useBase, life.stateChanges());
        String id = Long.toUnsignedString(life.identity());
        draft.name = draft.app + '-' + draft.envShort() + "-disk-" + Draw.token(life.identity());
        draft.resourceId = id;
        draft.instanceType = type;
        draft.instanceSize = sizeGb;
        draft.externalLink = console(draft, "compute/disksDetail/zones/" + zone + "/disks/" + draft.name);
        Map<String, Object> data = draft.data;
        data.put("id", id);
        data.put("status", "READY");
        data.put("type", type);
        data.put("size_gb", sizeGb);
        data.put("zone", zone);
        data.put("in_use", inUse);
        data.put("users", inUse ? List.of(user) : List.of());
    }

    private static void bucket(CloudServiceDraft draft) {
        Draw draw = draft.draw;
        Estate.Incarnation life = draft.incarnation;
        String purpose = draw.pick(PURPOSES);
        long objects = 500L + draw.nextInt(3_000_000);
        long bytesPerObject = 10_000L + draw.nextInt(4_000_000);
        String storageClass = draw.pick(STORAGE_CLASSES);
        int versioningBase = draw.percent(50) ? 0 : 1;
        boolean enforced = draw.percent(85);

        long objectCount = objects + life.sizeChanges() * (objects / 5);
        long sizeBytes = objectCount * bytesPerObject;
        String name = draft.app + '-' + draft.envShort() + '-' + purpose + '-' + Draw.token(life.identity());
        draft.name = name;
        draft.resourceId = name;
        draft.instanceType = storageClass;
        draft.instanceSize = sizeBytes;
        draft.externalLink = console(draft, "storage/browser/" + name);
        Map<String, Object> data = draft.data;
        data.put("id", name);
        data.put("location", draft.region.code().toUpperCase(Locale.ROOT));
        data.put("location_type", "region");
        data.put("storage_class", storageClass);
        data.put("versioning", cycle(VERSIONING, versioningBase, life.stateChanges()) ? "Enabled" : "Disabled");
        data.put("object_count", objectCount);
        data.put("size_bytes", sizeBytes);
        data.put("uniform_bucket_level_access", true);
        data.put("public_access_prevention", enforced ? "enforced" : "inherited");
    }

    private static void cloudSql(CloudServiceDraft draft) {
        Draw draw = draft.draw;
        Estate.Incarnation life = draft.incarnation;
        String version = draw.pick(DATABASE_VERSIONS);
        int sizeBase = draw.nextInt(VCPUS.length);
        long diskGb = 10L * draw.between(1, 100);
        String privateIp = draw.privateIp();
        int stateBase = draw.percent(90) ? 0 : 1;
        boolean regional = "prod".equals(draft.env) && draw.percent(70);

        long vcpu = VCPUS[(int) ((sizeBase + life.sizeChanges()) % VCPUS.length)];
        String tier = "db-custom-" + vcpu + '-' + vcpu * 3840;
        String engine = version.startsWith("POSTGRES") ? "pg" : version.startsWith("MYSQL") ? "mysql" : "mssql";
        String state = cycle(SQL_STATES, stateBase, life.stateChanges());
        draft.name = draft.app + '-' + draft.envShort() + '-' + engine + '-' + Draw.token(life.identity());
        String connectionName = draft.account + ':' + draft.region.code() + ':' + draft.name;
        draft.resourceId = connectionName;
        draft.instanceType = tier;
        draft.instanceSize = vcpu;
        draft.ipAddresses = List.of(privateIp);
        draft.externalLink = console(draft, "sql/instances/" + draft.name + "/overview");
        Map<String, Object> data = draft.data;
        data.put("connection_name", connectionName);
        data.put("state", state);
        data.put("activation_policy", "RUNNABLE".equals(state) ? "ALWAYS" : "NEVER");
        data.put("database_version", version);
        data.put("tier", tier);
        data.put("data_disk_size_gb", diskGb);
        data.put("availability_type", regional ? "REGIONAL" : "ZONAL");
        data.put("private_ip_address", privateIp);
        data.put("backup_enabled", !"dev".equals(draft.env));
    }

    private static void network(CloudServiceDraft draft) {
        Draw draw = draft.draw;
        Estate.Incarnation life = draft.incarnation;
        int routingBase = draw.percent(75) ? 0 : 1;
        int subnetBase = draw.nextInt(5);
        int secondOctet = draw.nextInt(256);
        long subnetSeed = draw.nextLong();

        int subnetCount = 1 + (int) ((subnetBase + life.sizeChanges()) % 5);
        List<Region> regions = Cloud.GOOGLE_CLOUD.regions();
        List<Object> subnetworks = new ArrayList<>(subnetCount);
        for (int index = 0; index < subnetCount; index++) {
            Region region = regions.get((int) (((subnetSeed >>> 1) + index) % regions.size()));
            subnetworks.add(ordered("name", "snet-" + region.code(), "region", region.code(),
                    "ip_cidr_range", "10." + secondOctet + '.' + index + ".0/24", "private_ip_google_access", index % 2 == 0));
        }
        String id = Long.toUnsignedString(life.identity());
        draft.name = "vpc-" + draft.app + '-' + draft.envShort() + '-' + Draw.token(life.identity());
        draft.resourceId = id;
        draft.externalLink = console(draft, "networking/networks/details/" + draft.name);
        Map<String, Object> data = draft.data;
        data.put("id", id);
        data.put("routing_mode", cycle(ROUTING_MODES, routingBase, life.stateChanges()));
        data.put("auto_create_subnetworks", false);
        data.put("mtu", 1460L);
        data.put("subnet_count", (long) subnetCount);
        data.put("subnetworks", subnetworks);
    }
}
