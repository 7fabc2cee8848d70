package dev.canopy.plugins.aws;

import dev.canopy.plugin.api.collector.CollectedResource;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;
import software.amazon.awssdk.services.ec2.model.InstancePrivateIpAddress;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.Vpc;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.canopy.plugins.aws.AwsService.Types;

/**
 * EC2 instances, EBS volumes and security groups, VPCs and subnets of one region, read page by page with
 * the SDK's paginators (lazy: a page is fetched when the stream reaches it).
 */
final class Ec2Inventory {

    private final Ec2Client ec2;
    private final String account;
    private final String region;

    Ec2Inventory(Ec2Client ec2, String account, String region) {
        this.ec2 = ec2;
        this.account = account;
        this.region = region;
    }

    Stream<CollectedResource> instances() {
        return ec2.describeInstancesPaginator(request -> request.maxResults(1000)).reservations().stream()
                .flatMap(this::instancesOf);
    }

    Stream<CollectedResource> volumes() {
        return ec2.describeVolumesPaginator(request -> request.maxResults(500)).volumes().stream().map(this::volume);
    }

    Stream<CollectedResource> securityGroups() {
        return ec2.describeSecurityGroupsPaginator(request -> request.maxResults(1000)).securityGroups().stream()
                .map(this::securityGroup);
    }

    Stream<CollectedResource> vpcs() {
        return ec2.describeVpcsPaginator(request -> request.maxResults(1000)).vpcs().stream().map(this::vpc);
    }

    Stream<CollectedResource> subnets() {
        return ec2.describeSubnetsPaginator(request -> request.maxResults(1000)).subnets().stream().map(this::subnet);
    }

    private Stream<CollectedResource> instancesOf(Reservation reservation) {
        return reservation.instances().stream().map(instance -> instance(reservation, instance));
    }

    private CollectedResource instance(Reservation reservation, Instance instance) {
        CloudServiceItem item = new CloudServiceItem(Types.INSTANCE, account, region, instance.instanceId())
                .name(tagValue(instance.tags(), "Name"))
                .instanceType(instance.instanceTypeAsString())
                .launchedAt(instance.launchTime())
                .externalLink(console(region) + "#InstanceDetails:instanceId=" + instance.instanceId())
                .ipAddress(instance.privateIpAddress());
        for (InstanceNetworkInterface networkInterface : instance.networkInterfaces()) {
            for (InstancePrivateIpAddress address : networkInterface.privateIpAddresses()) {
                item.ipAddress(address.privateIpAddress());
                if (address.association() != null) {
                    item.ipAddress(address.association().publicIp());
                }
            }
        }
        item.ipAddress(instance.publicIpAddress());
        if (instance.cpuOptions() != null && instance.cpuOptions().coreCount() != null) {
            int threads = instance.cpuOptions().threadsPerCore() == null ? 1 : instance.cpuOptions().threadsPerCore();
            item.instanceSize(instance.cpuOptions().coreCount() * threads);
        }
        item.data("instance_id", instance.instanceId())
                .data("instance_state", instance.state() == null ? null : instance.state().nameAsString())
                .data("instance_type", instance.instanceTypeAsString())
                .data("image_id", instance.imageId())
                .data("key_name", instance.keyName())
                .data("availability_zone", instance.placement() == null ? null : instance.placement().availabilityZone())
                .data("private_ip_address", instance.privateIpAddress())
                .data("private_dns_name", blankToNull(instance.privateDnsName()))
                .data("public_ip_address", instance.publicIpAddress())
                .data("public_dns_name", blankToNull(instance.publicDnsName()))
                .data("vpc_id", instance.vpcId())
                .data("subnet_id", instance.subnetId())
                .data("architecture", instance.architectureAsString())
                .data("platform", instance.platformDetails())
                .data("root_device_type", instance.rootDeviceTypeAsString())
                .data("root_device_name", instance.rootDeviceName())
                .data("ebs_optimized", instance.ebsOptimized())
                .data("monitoring_state", instance.monitoring() == null ? null : instance.monitoring().stateAsString())
                .data("iam_instance_profile", instance.iamInstanceProfile() == null ? null : instance.iamInstanceProfile().arn())
                .data("reservation_id", reservation.reservationId())
                .data("owner_id", reservation.ownerId())
                .data("launch_time", instance.launchTime())
                .data("security_groups", instance.securityGroups().stream()
                        .map(group -> Json.object("group_id", group.groupId(), "group_name", group.groupName())).toList())
                .data("block_device_mappings", instance.blockDeviceMappings().stream()
                        .map(mapping -> Json.object("device_name", mapping.deviceName(),
                                "volume_id", mapping.ebs() == null ? null : mapping.ebs().volumeId())).toList())
                .data("network_interfaces", instance.networkInterfaces().stream()
                        .map(networkInterface -> Json.object(
                                "network_interface_id", networkInterface.networkInterfaceId(),
                                "mac_address", networkInterface.macAddress(),
                                "private_ip_address", networkInterface.privateIpAddress(),
                                "public_ip", networkInterface.association() == null ? null : networkInterface.association().publicIp(),
                                "subnet_id", networkInterface.subnetId())).toList());
        tags(item, instance.tags());
        return item.build();
    }

    private CollectedResource volume(Volume volume) {
        CloudServiceItem item = new CloudServiceItem(Types.VOLUME, account, region, volume.volumeId())
                .name(tagValue(volume.tags(), "Name"))
                .instanceType(volume.volumeTypeAsString())
                .instanceSize(volume.size())
                .launchedAt(volume.createTime())
                .externalLink(console(region) + "#VolumeDetails:volumeId=" + volume.volumeId())
                .data("volume_id", volume.volumeId())
                .data("state", volume.stateAsString())
                .data("volume_type", volume.volumeTypeAsString())
                .data("size", volume.size())
                .data("iops", volume.iops())
                .data("throughput", volume.throughput())
                .data("encrypted", volume.encrypted())
                .data("kms_key_id", volume.kmsKeyId())
                .data("snapshot_id", blankToNull(volume.snapshotId()))
                .data("availability_zone", volume.availabilityZone())
                .data("multi_attach_enabled", volume.multiAttachEnabled())
                .data("create_time", volume.createTime())
                .data("attachments", volume.attachments().stream()
                        .map(attachment -> Json.object("instance_id", attachment.instanceId(), "device", attachment.device(),
                                "state", attachment.stateAsString(), "delete_on_termination", attachment.deleteOnTermination(),
                                "attach_time", attachment.attachTime())).toList());
        tags(item, volume.tags());
        return item.build();
    }

    private CollectedResource securityGroup(SecurityGroup group) {
        CloudServiceItem item = new CloudServiceItem(Types.SECURITY_GROUP, account, region, group.groupId())
                .name(group.groupName())
                .externalLink(console(region) + "#SecurityGroup:groupId=" + group.groupId())
                .data("group_id", group.groupId())
                .data("group_name", group.groupName())
                .data("description", group.description())
                .data("vpc_id", group.vpcId())
                .data("owner_id", group.ownerId())
                .data("inbound_rule_count", group.ipPermissions().size())
                .data("outbound_rule_count", group.ipPermissionsEgress().size())
                .data("ip_permissions", group.ipPermissions().stream().map(Ec2Inventory::rule).toList())
                .data("ip_permissions_egress", group.ipPermissionsEgress().stream().map(Ec2Inventory::rule).toList());
        tags(item, group.tags());
        return item.build();
    }

    private static Map<String, Object> rule(IpPermission permission) {
        return Json.object(
                "ip_protocol", permission.ipProtocol(),
                "from_port", permission.fromPort(),
                "to_port", permission.toPort(),
                "ip_ranges", permission.ipRanges().stream().map(range -> range.cidrIp()).toList(),
                "ipv6_ranges", permission.ipv6Ranges().stream().map(range -> range.cidrIpv6()).toList(),
                "prefix_list_ids", permission.prefixListIds().stream().map(prefix -> prefix.prefixListId()).toList(),
                "user_id_group_pairs", permission.userIdGroupPairs().stream().map(pair -> pair.groupId()).toList());
    }

    private CollectedResource vpc(Vpc vpc) {
        CloudServiceItem item = new CloudServiceItem(Types.VPC, account, region, vpc.vpcId())
                .name(tagValue(vpc.tags(), "Name"))
                .externalLink(vpcConsole(region) + "#VpcDetails:VpcId=" + vpc.vpcId())
                .data("vpc_id", vpc.vpcId())
                .data("state", vpc.stateAsString())
                .data("cidr_block", vpc.cidrBlock())
                .data("cidr_blocks", vpc.cidrBlockAssociationSet().stream().map(block -> block.cidrBlock()).toList())
                .data("ipv6_cidr_blocks", vpc.ipv6CidrBlockAssociationSet().stream().map(block -> block.ipv6CidrBlock()).toList())
                .data("is_default", vpc.isDefault())
                .data("dhcp_options_id", vpc.dhcpOptionsId())
                .data("instance_tenancy", vpc.instanceTenancyAsString())
                .data("owner_id", vpc.ownerId());
        tags(item, vpc.tags());
        return item.build();
    }

    private CollectedResource subnet(Subnet subnet) {
        CloudServiceItem item = new CloudServiceItem(Types.SUBNET, account, region, subnet.subnetId())
                .name(tagValue(subnet.tags(), "Name"))
                .externalLink(vpcConsole(region) + "#SubnetDetails:subnetId=" + subnet.subnetId())
                .data("subnet_id", subnet.subnetId())
                .data("subnet_arn", subnet.subnetArn())
                .data("state", subnet.stateAsString())
                .data("vpc_id", subnet.vpcId())
                .data("cidr_block", subnet.cidrBlock())
                .data("available_ip_address_count", subnet.availableIpAddressCount())
                .data("availability_zone", subnet.availabilityZone())
                .data("availability_zone_id", subnet.availabilityZoneId())
                .data("default_for_az", subnet.defaultForAz())
                .data("map_public_ip_on_launch", subnet.mapPublicIpOnLaunch())
                .data("owner_id", subnet.ownerId());
        tags(item, subnet.tags());
        return item.build();
    }

    private static void tags(CloudServiceItem item, List<Tag> tags) {
        tags.forEach(tag -> item.tag(tag.key(), tag.value()));
    }

    private static String tagValue(List<Tag> tags, String key) {
        return tags.stream().filter(tag -> key.equals(tag.key())).map(Tag::value).findFirst().orElse(null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String console(String region) {
        return "https://console.aws.amazon.com/ec2/home?region=" + region;
    }

    private static String vpcConsole(String region) {
        return "https://console.aws.amazon.com/vpcconsole/home?region=" + region;
    }
}
