package dev.canopy.plugins.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.canopy.plugins.demo.CloudServiceDraft.cycle;

/** The AWS-shaped kinds: EC2 instances and EBS volumes, S3 buckets, RDS databases, VPCs with their subnets. */
final class AwsServices {

    private static final String[] FAMILIES = {"t3", "m6i", "c6i", "r6i", "m7g"};
    private static final String[][] FAMILY_SIZES = {
            {"medium", "large", "xlarge", "2xlarge"}, {"large", "xlarge", "2xlarge", "4xlarge"},
            {"large", "xlarge", "2xlarge", "4xlarge"}, {"large", "xlarge", "2xlarge", "4xlarge"},
            {"large", "xlarge", "2xlarge", "4xlarge"}};
    private static final long[][] FAMILY_VCPUS = {{2, 2, 4, 8}, {2, 4, 8, 16}, {2, 4, 8, 16}, {2, 4, 8, 16}, {2, 4, 8, 16}};
    private static final long[] GIB_PER_VCPU = {2, 4, 2, 8, 4};
    private static final String[] INSTANCE_STATES = {"running", "stopped"};
    private static final String[] ROLES = {"web", "api", "worker", "batch", "cache", "bastion"};
    private static final String[] VOLUME_TYPES = {"gp3", "gp3", "gp3", "gp3", "gp3", "gp3", "gp2", "gp2", "io2", "st1"};
    private static final Long[] VOLUME_SIZES = {8L, 20L, 50L, 100L, 200L, 500L, 1000L};
    private static final String[] VOLUME_STATES = {"in-use", "available"};
    private static final String[] PURPOSES = {"assets", "logs", "backups", "exports", "artifacts", "uploads"};
    private static final String[] VERSIONING = {"Enabled", "Suspended"};
    private static final String[] STORAGE_CLASSES = {"STANDARD", "STANDARD", "INTELLIGENT_TIERING", "STANDARD_IA"};
    private static final String[][] ENGINES = {{"postgres", "16.4", "5432"}, {"postgres", "15.8", "5432"},
            {"mysql", "8.0.39", "3306"}, {"aurora-postgresql", "15.8", "5432"}, {"mariadb", "10.11.9", "3306"}};
    private static final String[] DB_CLASSES = {"db.t4g.medium", "db.r6g.large", "db.r6g.xlarge", "db.r6g.2xlarge", "db.r6g.4xlarge"};
    private static final long[] DB_VCPUS = {2, 2, 4, 8, 16};
    private static final String[] DB_STATES = {"available", "stopped"};
    private static final Boolean[] FLAGS = {true, false};

    private AwsServices() {
    }

    static void fill(CloudServiceDraft draft) {
        switch (draft.incarnation.kind()) {
            case AWS_EC2_INSTANCE -> instance(draft);
            case AWS_EBS_VOLUME -> volume(draft);
            case AWS_S3_BUCKET -> bucket(draft);
            case AWS_RDS_DATABASE -> database(draft);
            default -> vpc(draft);
        }
        draft.tags.put("Name", draft.name);
        draft.putTags();
    }

    private static String link(CloudServiceDraft draft, String service, String fragment) {
        return "https://console.aws.amazon.com/" + service + "/home?region=" + draft.region.code() + '#' + fragment;
    }

    private static void instance(CloudServiceDraft draft) {
        Draw draw = draft.draw;
        Estate.Incarnation life = draft.incarnation;
        String instanceId = "i-0" + Draw.hex16(life.identity());
        int family = draw.nextInt(FAMILIES.length);
        int size = (int) ((draw.nextInt(4) + life.sizeChanges()) % 4);
        String role = draw.pick(ROLES);
        String zone = draw.pick(draft.region.zones());
        String privateIp = draw.privateIp();
        String publicIp = draw.publicIp();
        boolean hasPublicIp = draw.percent(35) || "web".equals(role) || "bastion".equals(role);
        boolean windows = draw.percent(12);
        String imageId = "ami-" + draw.hex(17);
        String vpcId = "vpc-" + draw.hex(17);
        String subnetId = "subnet-" + draw.hex(17);
        int stateBase = draw.percent(88) ? 0 : 1;
        String number = draw.digits(2);

        String instanceType = FAMILIES[family] + '.' + FAMILY_SIZES[family][size];
        long vcpu = FAMILY_VCPUS[family][size];
        draft.name = draft.app + '-' + draft.envShort() + '-' + role + '-' + number;
        draft.resourceId = instanceId;
        draft.instanceType = instanceType;
        draft.instanceSize = vcpu;
        draft.ipAddresses = hasPublicIp ? List.of(privateIp, publicIp) : List.of(privateIp);
        draft.externalLink = link(draft, "ec2", "InstanceDetails:instanceId=" + instanceId);
        Map<String, Object> data = draft.data;
        data.put("instance_id", instanceId);
        data.put("instance_state", cycle(INSTANCE_STATES, stateBase, life.stateChanges()));
        data.put("instance_type", instanceType);
        data.put("vcpu", vcpu);
        data.put("memory_gib", vcpu * GIB_PER_VCPU[family]);
        data.put("image_id", imageId);
        data.put("platform", windows ? "Windows" : "Linux/UNIX");
        data.put("architecture", "m7g".equals(FAMILIES[family]) ? "arm64" : "x86_64");
        data.put("availability_zone", zone);
        data.put("vpc_id", vpcId);
        data.put("subnet_id", subnetId);
        data.put("private_ip_address", privateIp);
        data.put("public_ip_address", hasPublicIp ? publicIp : null);
        data.put("key_name", draft.team + '-' + draft.envShort());
        data.put("ebs_optimized", family != 0);
    }

    private static void volume(CloudServiceDraft draft) {
        Draw draw = draft.draw;
        Estate.Incarnation life = draft.incarnation;
        String volumeId = "vol-0" + Draw.hex16(life.identity());
        String type = draw.pick(VOLUME_TYPES);
        long baseSize = draw.pick(VOLUME_SIZES);
        String zone = draw.pick(draft.region.zones());
        int stateBase = draw.percent(80) ? 0 : 1;
        String attachedTo = "i-0" + draw.hex(16);
        boolean encrypted = draw.percent(75);
        String number = draw.digits(2);

        long sizeGb = baseSize + 50 * life.sizeChanges();
        String state = cycle(VOLUME_STATES, stateBase, life.stateChanges());
        draft.name = draft.app + '-' + draft.envShort() + "-data-" + number;
        draft.resourceId = volumeId;
        draft.instanceType = type;
        draft.instanceSize = sizeGb;
        draft.externalLink = link(draft, "ec2", "VolumeDetails:volumeId=" + volumeId);
        Map<String, Object> data = draft.data;
        data.put("volume_id", volumeId);
        data.put("state", state);
        data.put("volume_type", type);
        data.put("size_gb", sizeGb);
        data.put("iops", switch (type) {
            case "gp3" -> 3000L;
            case "gp2" -> Math.max(100, 3 * sizeGb);
            case "io2" -> 10 * sizeGb;
            default -> null;
        });
        data.put("throughput_mbps", "gp3".equals(type) ? 125L : null);
        data.put("encrypted", encrypted);
        data.put("availability_zone", zone);
        data.put("attached_instance_id", "in-use".equals(state) ? attachedTo : null);
    }

    private static void bucket(CloudServiceDraft draft) {
        Draw draw = draft.draw;
        Estate.Incarnation life = draft.incarnation;
        String purpose = draw.pick(PURPOSES);
        long objects = 1000L + draw.nextInt(2_000_000);
        long bytesPerObject = 20_000L + draw.nextInt(2_000_000);
        int versioningBase = draw.percent(60) ? 0 : 1;
        String storageClass = draw.pick(STORAGE_CLASSES);
        boolean kms = draw.percent(40);
        boolean blocked = draw.percent(92);

        // Buckets only grow: each size change adds a fifth of the objects they started with.
        long objectCount = objects + life.sizeChanges() * (objects / 5);
        long sizeBytes = objectCount * bytesPerObject;
        String bucketName = draft.app + '-' + draft.envShort() + '-' + purpose + '-' + Draw.token(life.identity());
        draft.name = bucketName;
        draft.resourceId = "arn:aws:s3:::" + bucketName;
        draft.instanceSize = sizeBytes;
        draft.externalLink = "https://s3.console.aws.amazon.com/s3/buckets/" + bucketName + "?region=" + draft.region.code();
        Map<String, Object> data = draft.data;
        data.put("bucket_name", bucketName);
        data.put("arn", draft.resourceId);
        data.put("versioning", cycle(VERSIONING, versioningBase, life.stateChanges()));
        data.put("object_count", objectCount);
        data.put("size_bytes", sizeBytes);
        data.put("storage_class", storageClass);
        data.put("encryption", kms ? "aws:kms" : "AES256");
        data.put("public_access_blocked", blocked);
    }

    private static void database(CloudServiceDraft draft) {
        Draw draw = draft.draw;
        Estate.Incarnation life = draft.incarnation;
        String[] engine = draw.pick(ENGINES);
        int classBase = draw.nextInt(DB_CLASSES.length);
        long storage = 20L * draw.between(1, 50);
        boolean multiAz = "prod".equals(draft.env) || draw.percent(10);
        String endpointId = draw.hex(12);
        int stateBase = draw.percent(92) ? 0 : 1;

        int dbClass = (int) ((classBase + life.sizeChanges()) % DB_CLASSES.length);
        String identifier = draft.app + '-' + draft.envShort() + '-' + engine[0].replace("aurora-", "") + '-' + Draw.token(life.identity());
        draft.name = identifier;
        draft.resourceId = "arn:aws:rds:" + draft.region.code() + ':' + draft.account + ":db:" + identifier;
        draft.instanceType = DB_CLASSES[dbClass];
        draft.instanceSize = DB_VCPUS[dbClass];
        String privateIp = draw.privateIp();
        draft.ipAddresses = List.of(privateIp);
        draft.externalLink = link(draft, "rds", "database:id=" + identifier);
        Map<String, Object> data = draft.data;
        data.put("db_instance_identifier", identifier);
        data.put("db_instance_status", cycle(DB_STATES, stateBase, life.stateChanges()));
        data.put("engine", engine[0]);
        data.put("engine_version", engine[1]);
        data.put("db_instance_class", DB_CLASSES[dbClass]);
        data.put("allocated_storage_gb", storage);
        data.put("multi_az", multiAz);
        data.put("endpoint", identifier + '.' + endpointId + '.' + draft.region.code() + ".rds.amazonaws.com");
        data.put("port", Long.parseLong(engine[2]));
        data.put("storage_encrypted", true);
    }

    private static void vpc(CloudServiceDraft draft) {
        Draw draw = draft.draw;
        Estate.Incarnation life = draft.incarnation;
        String vpcId = "vpc-0" + Draw.hex16(life.identity());
        int secondOctet = draw.nextInt(256);
        int subnetBase = draw.nextInt(5);
        int dnsBase = draw.nextInt(2);
        long subnetSeed = draw.nextLong();

        int subnetCount = 2 + (int) ((subnetBase + life.sizeChanges()) % 5);
        List<String> zones = draft.region.zones();
        List<Object> subnets = new ArrayList<>(subnetCount);
        for (int index = 0; index < subnetCount; index++) {
            Draw subnet = new Draw(Draw.mix(subnetSeed, index));
            subnets.add(CloudServiceDraft.ordered("subnet_id", "subnet-" + subnet.hex(17),
                    "cidr_block", "10." + secondOctet + '.' + index + ".0/24",
                    "availability_zone", zones.get(index % zones.size()),
                    "map_public_ip_on_launch", index == 0));
        }
        draft.name = draft.app + '-' + draft.envShort() + "-vpc";
        draft.resourceId = vpcId;
        draft.externalLink = link(draft, "vpc", "VpcDetails:VpcId=" + vpcId);
        Map<String, Object> data = draft.data;
        data.put("vpc_id", vpcId);
        data.put("state", "available");
        data.put("cidr_block", "10." + secondOctet + ".0.0/16");
        data.put("is_default", false);
        data.put("enable_dns_hostnames", cycle(FLAGS, dnsBase, life.stateChanges()));
        data.put("subnet_count", (long) subnetCount);
        data.put("subnets", subnets);
    }
}
