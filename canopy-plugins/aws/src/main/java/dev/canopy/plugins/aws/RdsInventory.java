package dev.canopy.plugins.aws;

import dev.canopy.plugin.api.collector.CollectedResource;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.util.stream.Stream;

import static dev.canopy.plugins.aws.AwsService.Types;

/** The RDS DB instances of one region, page by page. */
final class RdsInventory {

    private final RdsClient rds;
    private final String account;
    private final String region;

    RdsInventory(RdsClient rds, String account, String region) {
        this.rds = rds;
        this.account = account;
        this.region = region;
    }

    Stream<CollectedResource> instances() {
        return rds.describeDBInstancesPaginator(request -> request.maxRecords(100)).dbInstances().stream().map(this::instance);
    }

    private CollectedResource instance(DBInstance db) {
        String resourceId = db.dbInstanceArn() != null ? db.dbInstanceArn() : db.dbInstanceIdentifier();
        CloudServiceItem item = new CloudServiceItem(Types.RDS_INSTANCE, account, region, resourceId)
                .name(db.dbInstanceIdentifier())
                .instanceType(db.dbInstanceClass())
                .instanceSize(db.allocatedStorage())
                .launchedAt(db.instanceCreateTime())
                .externalLink("https://console.aws.amazon.com/rds/home?region=" + region
                        + "#database:id=" + db.dbInstanceIdentifier() + ";is-cluster=false")
                .data("db_instance_identifier", db.dbInstanceIdentifier())
                .data("db_instance_arn", db.dbInstanceArn())
                .data("dbi_resource_id", db.dbiResourceId())
                .data("db_instance_class", db.dbInstanceClass())
                .data("db_instance_status", db.dbInstanceStatus())
                .data("engine", db.engine())
                .data("engine_version", db.engineVersion())
                .data("db_name", db.dbName())
                .data("master_username", db.masterUsername())
                .data("endpoint", db.endpoint() == null ? null
                        : Json.object("address", db.endpoint().address(), "port", db.endpoint().port(),
                                "hosted_zone_id", db.endpoint().hostedZoneId()))
                .data("allocated_storage", db.allocatedStorage())
                .data("storage_type", db.storageType())
                .data("storage_encrypted", db.storageEncrypted())
                .data("multi_az", db.multiAZ())
                .data("availability_zone", db.availabilityZone())
                .data("secondary_availability_zone", db.secondaryAvailabilityZone())
                .data("publicly_accessible", db.publiclyAccessible())
                .data("vpc_id", db.dbSubnetGroup() == null ? null : db.dbSubnetGroup().vpcId())
                .data("db_subnet_group_name", db.dbSubnetGroup() == null ? null : db.dbSubnetGroup().dbSubnetGroupName())
                .data("vpc_security_groups", db.vpcSecurityGroups().stream()
                        .map(group -> Json.object("vpc_security_group_id", group.vpcSecurityGroupId(), "status", group.status()))
                        .toList())
                .data("backup_retention_period", db.backupRetentionPeriod())
                .data("preferred_backup_window", db.preferredBackupWindow())
                .data("preferred_maintenance_window", db.preferredMaintenanceWindow())
                .data("license_model", db.licenseModel())
                .data("instance_create_time", db.instanceCreateTime());
        db.tagList().forEach(tag -> item.tag(tag.key(), tag.value()));
        return item.build();
    }
}
