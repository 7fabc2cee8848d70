package dev.canopy.bench.query;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Documents shaped like Cloudforet's inventory cloud services, generated deterministically: the
 * document at a given index depends only on the seed and the index. Not thread-safe (one instance
 * per loading thread).
 */
final class CloudResourceGenerator {

    /** The domains and the share of documents each holds; the benchmark queries the first. */
    static final List<String> DOMAINS = List.of("domain-1", "domain-2", "domain-3", "domain-4");
    private static final int[] DOMAIN_PERCENT = {50, 25, 15, 10};

    static final Instant LAUNCHED_FROM = Instant.parse("2022-01-01T00:00:00Z");
    static final Instant LAUNCHED_UNTIL = Instant.parse("2025-01-01T00:00:00Z");

    private static final int ACCOUNTS = 200;
    private static final String[] ROLES =
            {"web", "api", "db", "cache", "worker", "batch", "gateway", "vpn", "bastion", "queue"};
    private static final String[][] REGIONS = {
            {"us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-2", "ap-southeast-1"},
            {"eastus", "westus2", "westeurope", "koreacentral"},
            {"us-central1", "europe-west1", "asia-northeast3"}};
    private static final String[] PROVIDERS = {"aws", "azure", "google_cloud"};
    private static final String[][][] SERVICES = {
            {{"EC2", "Instance"}, {"EC2", "Volume"}, {"RDS", "Database"}, {"S3", "Bucket"}, {"Lambda", "Function"}},
            {{"VirtualMachines", "Instance"}, {"Disks", "Disk"}, {"SQLDatabases", "Server"}, {"StorageAccounts", "Instance"}},
            {{"ComputeEngine", "Instance"}, {"ComputeEngine", "Disk"}, {"CloudSQL", "Instance"}, {"CloudStorage", "Bucket"}}};
    private static final String[][] DISK_TYPES = {
            {"gp2", "gp3", "gp3", "io1", "st1"},
            {"premium_lrs", "standard_lrs", "standardssd_lrs"},
            {"pd-ssd", "pd-standard", "pd-balanced"}};
    private static final String[][] INSTANCE_TYPES = {
            {"t3.micro", "t3.large", "m5.large", "m5.xlarge", "c5.2xlarge", "r5.4xlarge"},
            {"Standard_B2s", "Standard_D2s_v3", "Standard_D4s_v3", "Standard_E8s_v3"},
            {"e2-small", "n2-standard-2", "n2-standard-8", "c2-standard-16"}};
    private static final String[] ENVS = {"prod", "prod", "staging", "dev", "dev", "test"};
    private static final String[] TEAMS = {"payments", "search", "identity", "platform", "data", "mobile", "growth"};
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final long seed;
    private final JsonMapper json;

    CloudResourceGenerator(long seed, JsonMapper json) {
        this.seed = seed;
        this.json = json;
    }

    /** One generated resource: the values of the real columns and the whole document. */
    record Resource(String id, String domainId, String provider, String regionCode, String account, String state,
                    String name, String group, String type, String launchedAt, String createdAt, String updatedAt,
                    String document) {
    }

    Resource resource(long index) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        String id = String.format("cloud-svc-%08x", index);
        String domainId = domain(random.nextInt(100));
        int accountIndex = random.nextInt(ACCOUNTS);
        // Accounts 0-99 are AWS, 100-159 Azure, 160-199 Google Cloud.
        int provider = accountIndex < 100 ? 0 : accountIndex < 160 ? 1 : 2;
        String account = switch (provider) {
            case 0 -> String.format("%012d", 100_000_000_000L + accountIndex * 7_919L);
            case 1 -> String.format("sub-%08x-azure", accountIndex * 2_654_435_761L & 0xffffffffL);
            default -> "project-" + accountIndex;
        };
        String region = pick(random, REGIONS[provider]);
        String[] service = pick(random, SERVICES[provider]);
        int stateRoll = random.nextInt(100);
        String state = stateRoll < 85 ? "ACTIVE" : stateRoll < 95 ? "DISCONNECTED" : "DELETED";
        String name = pick(random, ROLES) + "-" + (1 + random.nextInt(99_999));
        long span = LAUNCHED_UNTIL.getEpochSecond() - LAUNCHED_FROM.getEpochSecond();
        Instant launched = LAUNCHED_FROM.plusSeconds(random.nextLong(span));
        Instant created = launched.plusSeconds(random.nextLong(3 * 86_400L));
        Instant updated = created.plusSeconds(random.nextLong(90 * 86_400L));

        ObjectNode document = json.createObjectNode();
        document.put("cloud_service_id", id);
        document.put("name", name);
        document.put("provider", PROVIDERS[provider]);
        document.put("region_code", region);
        document.put("account", account);
        document.put("state", state);
        document.put("cloud_service_group", service[0]);
        document.put("cloud_service_type", service[1]);
        document.put("launched_at", ISO.format(launched));
        document.put("domain_id", domainId);
        document.put("created_at", ISO.format(created));
        document.put("updated_at", ISO.format(updated));
        document.set("data", data(random, provider));
        ObjectNode tags = document.putObject("tags");
        tags.put("env", pick(random, ENVS));
        tags.put("team", pick(random, TEAMS));
        tags.put("owner", "user-" + random.nextInt(500));
        if (random.nextInt(4) == 0) {
            tags.put("cost_center", "cc-" + (1000 + random.nextInt(50)));
        }
        ArrayNode ips = document.putArray("ip_addresses");
        for (int ip = 1 + random.nextInt(3); ip > 0; ip--) {
            ips.add("10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254)));
        }
        return new Resource(id, domainId, PROVIDERS[provider], region, account, state, name, service[0], service[1],
                ISO.format(launched), ISO.format(created), ISO.format(updated), json.writeValueAsString(document));
    }

    private ObjectNode data(SplittableRandom random, int provider) {
        ObjectNode data = json.createObjectNode();
        ObjectNode compute = data.putObject("compute");
        compute.put("instance_type", pick(random, INSTANCE_TYPES[provider]));
        compute.put("vcpus", 1 << random.nextInt(6));
        compute.put("memory_gb", 1 << random.nextInt(8));
        ArrayNode disks = data.putArray("disks");
        for (int disk = 1 + random.nextInt(4); disk > 0; disk--) {
            ObjectNode entry = disks.addObject();
            entry.put("size_gb", 8 << random.nextInt(9)); // 8 .. 2048
            entry.put("type", pick(random, DISK_TYPES[provider]));
            entry.put("encrypted", random.nextInt(3) > 0);
        }
        ArrayNode groups = data.putArray("security_groups");
        for (int group = random.nextInt(4); group > 0; group--) {
            ObjectNode entry = groups.addObject();
            entry.put("id", String.format("sg-%06x", random.nextInt(1 << 24)));
            entry.put("name", pick(random, new String[] {"default", "web", "ssh", "internal", "db"}));
        }
        ObjectNode cost = data.putObject("cost");
        // Cents, so the sums are exact whichever way they are added up.
        cost.put("monthly", java.math.BigDecimal.valueOf(random.nextInt(500_000), 2));
        cost.put("currency", "USD");
        ObjectNode network = data.putObject("network");
        network.put("vpc_id", String.format("vpc-%05x", random.nextInt(1 << 20)));
        network.put("subnet_id", String.format("subnet-%06x", random.nextInt(1 << 24)));
        return data;
    }

    private static String domain(int percentile) {
        int cumulative = 0;
        for (int index = 0; index < DOMAINS.size(); index++) {
            cumulative += DOMAIN_PERCENT[index];
            if (percentile < cumulative) {
                return DOMAINS.get(index);
            }
        }
        return DOMAINS.get(DOMAINS.size() - 1);
    }

    private static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
