package dev.canopy.plugins.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.canopy.plugins.demo.CloudServiceDraft.cycle;
import static dev.canopy.plugins.demo.CloudServiceDraft.ordered;

/** The Azure-shaped kinds: virtual machines, managed disks, storage accounts, SQL databases, virtual networks. */
final class AzureServices {

    private static final String[][] VM_SERIES = {{"Standard_D", "s_v5", "4"}, {"Standard_E", "s_v5", "8"},
            {"Standard_B", "ms", "4"}, {"Standard_F", "s_v2", "2"}};
    private static final long[] VM_VCPUS = {2, 4, 8, 16};
    private static final String[] POWER_STATES = {"VM running", "VM deallocated"};
    private static final String[] ROLES = {"web", "api", "worker", "batch", "jump"};
    private static final String[] DISK_SKUS = {"Premium_LRS", "Premium_LRS", "StandardSSD_LRS", "Standard_LRS", "PremiumV2_LRS"};
    private static final Long[] DISK_SIZES = {32L, 64L, 128L, 256L, 512L, 1024L};
    private static final String[] DISK_STATES = {"Attached", "Unattached"};
    private static final String[] STORAGE_SKUS = {"Standard_LRS", "Standard_GRS", "Standard_ZRS", "Premium_LRS"};
    private static final String[] ACCESS_TIERS = {"Hot", "Cool"};
    private static final String[] SQL_TIERS = {"GP_Gen5_", "BC_Gen5_"};
    private static final long[] SQL_VCORES = {2, 4, 8, 16};
    private static final String[] SQL_STATES = {"Online", "Paused"};
    private static final String[] SUBNET_NAMES = {"snet-web", "snet-app", "snet-data", "snet-mgmt", "snet-aks", "snet-pe"};
    private static final Boolean[] FLAGS = {false, true};

    private AzureServices() {
    }

    static void fill(CloudServiceDraft draft) {
        switch (draft.incarnation.kind()) {
            case AZURE_VIRTUAL_MACHINE -> virtualMachine(draft);
            case AZURE_DISK -> disk(draft);
            case AZURE_STORAGE_ACCOUNT -> storageAccount(draft);
            case AZURE_SQL_DATABASE -> sqlDatabase(draft);
            default -> virtualNetwork(draft);
        }
        draft.putTags();
    }

    private static String resourceGroup(CloudServiceDraft draft) {
        return "rg-" + draft.app + '-' + draft.envShort();
    }

    private static String resourceId(CloudServiceDraft draft, String resourceGroup, String type, String name) {
        return "/subscriptions/" + draft.account + "/resourceGroups/" + resourceGroup + "/providers/" + type + '/' + name;
    }

    private static String link(String resourceId) {
        return "https://portal.azure.com/#@/resource" + resourceId + "/overview";
    }

    private static void virtualMachine(CloudServiceDraft draft) {
        Draw draw = draft.draw;
        Estate.Incarnation life = draft.incarnation;
        String[] series = draw.pick(VM_SERIES);
        int sizeBase = draw.nextInt(VM_VCPUS.length);
        String role = draw.pick(ROLES);
        String vmId = draw.uuid();
        boolean windows = draw.percent(30);
        String zone = draw.pick(draft.region.zones());
        String privateIp = draw.privateIp();
        String publicIp = draw.publicIp();
        boolean hasPublicIp = draw.percent(25) || "jump".equals(role);
        int stateBase = draw.percent(85) ? 0 : 1;

        long vcpu = VM_VCPUS[(int) ((sizeBase + life.sizeChanges()) % VM_VCPUS.length)];
        String vmSize = series[0] + vcpu + series[1];
        String resourceGroup = resourceGroup(draft);
        draft.name = "vm-" + draft.app + '-' + draft.envShort() + '-' + role + '-' + Draw.token(life.identity());
        draft.resourceId = resourceId(draft, resourceGroup, "Microsoft.Compute/virtualMachines", draft.name);
        draft.instanceType = vmSize;
        draft.instanceSize = vcpu;
        draft.ipAddresses = hasPublicIp ? List.of(privateIp, publicIp) : List.of(privateIp);
        draft.externalLink = link(draft.resourceId);
        Map<String, Object> data = draft.data;
        data.put("vm_id", vmId);
        data.put("power_state", cycle(POWER_STATES, stateBase, life.stateChanges()));
        data.put("provisioning_state", "Succeeded");
        data.put("vm_size", vmSize);
        data.put("vcpu", vcpu);
        data.put("memory_gib", vcpu * Long.parseLong(series[2]));
        data.put("os_type", windows ? "Windows" : "Linux");
        data.put("image", windows ? "MicrosoftWindowsServer:WindowsServer:2022-datacenter-azure-edition:latest"
                : "Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest");
        data.put("resource_group", resourceGroup);
        data.put("zone", zone);
        data.put("private_ip_address", privateIp);
        data.put("public_ip_address", hasPublicIp ? publicIp : null);
    }

    private static void disk(CloudServiceDraft draft) {
        Draw draw = draft.draw;
        Estate.Incarnation life = draft.incarnation;
        String sku = draw.pick(DISK_SKUS);
        long baseSize = draw.pick(DISK_SIZES);
        String uniqueId = draw.uuid();
        String zone = draw.pick(draft.region.zones());
        int stateBase = draw.percent(78) ? 0 : 1;
        String vmNumber = draw.digits(2);
        boolean customerKey = draw.percent(15);

        long sizeGb = baseSize + 128 * life.sizeChanges();
        String state = cycle(DISK_STATES, stateBase, life.stateChanges());
        String resourceGroup = resourceGroup(draft);
        draft.name = "disk-" + draft.app + '-' + draft.envShort() + '-' + Draw.token(life.identity());
        draft.resourceId = resourceId(draft, resourceGroup, "Microsoft.Compute/disks", draft.name);
        draft.instanceType = sku;
        draft.instanceSize = sizeGb;
        draft.externalLink = link(draft.resourceId);
        Map<String, Object> data = draft.data;
        data.put("unique_id", uniqueId);
        data.put("disk_state", state);
        data.put("provisioning_state", "Succeeded");
        data.put("sku", sku);
        data.put("size_gb", sizeGb);
        data.put("encryption", customerKey ? "EncryptionAtRestWithCustomerKey" : "EncryptionAtRestWithPlatformKey");
        data.put("resource_group", resourceGroup);
        data.put("zone", zone);
        data.put("managed_by_vm", "Attached".equals(state) ? "vm-" + draft.app + '-' + draft.envShort() + "-app-" + vmNumber : null);
    }

    private static void storageAccount(CloudServiceDraft draft) {
        Draw draw = draft.draw;
        Estate.Incarnation life = draft.incarnation;
        String sku = draw.pick(STORAGE_SKUS);
        boolean blobStorage = draw.percent(10);
        int tierBase = draw.percent(70) ? 0 : 1;
        long baseBytes = (1L + draw.nextInt(4000)) * 1_000_000_000L / 4;
        boolean publicBlobs = draw.percent(8);

        long usedBytes = baseBytes + life.sizeChanges() * (baseBytes / 5);
        String resourceGroup = resourceGroup(draft);
        // Storage account names: 3 to 24 lowercase letters and digits.
        String app = draft.app.length() > 4 ? draft.app.substring(0, 4) : draft.app;
        draft.name = "st" + app + draft.envShort() + Draw.token(life.identity());
        draft.resourceId = resourceId(draft, resourceGroup, "Microsoft.Storage/storageAccounts", draft.name);
        draft.instanceType = sku;
        draft.instanceSize = usedBytes;
        draft.externalLink = link(draft.resourceId);
        Map<String, Object> data = draft.data;
        data.put("kind", blobStorage ? "BlobStorage" : "StorageV2");
        data.put("sku", sku);
        data.put("access_tier", cycle(ACCESS_TIERS, tierBase, life.stateChanges()));
        data.put("provisioning_state", "Succeeded");
        data.put("used_capacity_bytes", usedBytes);
        data.put("primary_endpoint", "https://" + draft.name + ".blob.core.windows.net/");
        data.put("https_only", true);
        data.put("minimum_tls_version", "TLS1_2");
        data.put("allow_blob_public_access", publicBlobs);
        data.put("resource_group", resourceGroup);
    }

    private static void sqlDatabase(CloudServiceDraft draft) {
        Draw draw = draft.draw;
        Estate.Incarnation life = draft.incarnation;
        String tier = draw.percent(80) ? SQL_TIERS[0] : SQL_TIERS[1];
        int sizeBase = draw.nextInt(SQL_VCORES.length);
        long maxSizeGb = 32L << draw.nextInt(6);
        String databaseId = draw.uuid();
        int stateBase = draw.percent(90) ? 0 : 1;
        boolean zoneRedundant = "prod".equals(draft.env) && draw.percent(60);

        long vcores = SQL_VCORES[(int) ((sizeBase + life.sizeChanges()) % SQL_VCORES.length)];
        String sku = tier + vcores;
        String resourceGroup = resourceGroup(draft);
        String server = "sql-" + draft.app + '-' + draft.envShort() + '-' + Draw.token(life.identity());
        draft.name = draft.app + "db";
        draft.resourceId = resourceId(draft, resourceGroup, "Microsoft.Sql/servers", server + "/databases/" + draft.name);
        draft.instanceType = sku;
        draft.instanceSize = vcores;
        draft.externalLink = link(draft.resourceId);
        Map<String, Object> data = draft.data;
        data.put("database_id", databaseId);
        data.put("status", cycle(SQL_STATES, stateBase, life.stateChanges()));
        data.put("server_name", server);
        data.put("fully_qualified_domain_name", server + ".database.windows.net");
        data.put("sku", sku);
        data.put("vcores", vcores);
        data.put("max_size_gb", maxSizeGb);
        data.put("collation", "SQL_Latin1_General_CP1_CI_AS");
        data.put("zone_redundant", zoneRedundant);
        data.put("resource_group", resourceGroup);
    }

    private static void virtualNetwork(CloudServiceDraft draft) {
        Draw draw = draft.draw;
        Estate.Incarnation life = draft.incarnation;
        String resourceGuid = draw.uuid();
        int secondOctet = draw.nextInt(256);
        int subnetBase = draw.nextInt(5);
        int ddosBase = draw.percent(85) ? 0 : 1;

        int subnetCount = 1 + (int) ((subnetBase + life.sizeChanges()) % 5);
        List<Object> subnets = new ArrayList<>(subnetCount);
        for (int index = 0; index < subnetCount; index++) {
            subnets.add(ordered("name", SUBNET_NAMES[index], "address_prefix", "10." + secondOctet + '.' + index + ".0/24"));
        }
        String resourceGroup = resourceGroup(draft);
        draft.name = "vnet-" + draft.app + '-' + draft.envShort() + '-' + Draw.token(life.identity());
        draft.resourceId = resourceId(draft, resourceGroup, "Microsoft.Network/virtualNetworks", draft.name);
        draft.externalLink = link(draft.resourceId);
        Map<String, Object> data = draft.data;
        data.put("resource_guid", resourceGuid);
        data.put("provisioning_state", "Succeeded");
        data.put("address_space", List.of("10." + secondOctet + ".0.0/16"));
        data.put("enable_ddos_protection", cycle(FLAGS, ddosBase, life.stateChanges()));
        data.put("subnet_count", (long) subnetCount);
        data.put("subnets", subnets);
        data.put("resource_group", resourceGroup);
    }
}
