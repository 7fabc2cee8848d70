package dev.canopy.server.inventory;

import java.util.List;

import dev.canopy.query.ColumnType;
import dev.canopy.query.TableSchema;
import dev.canopy.server.store.ResourceKind;

/** The inventory's resource kinds and their tables. */
public final class InventoryKinds {

    public static final ResourceKind CLOUD_SERVICE_TYPE = new ResourceKind("inventory.CloudServiceType", "cloud-svc-type",
            "cloud_service_type_id",
            TableSchema.builder("cloud_service_type")
                    .idKey("cloud_service_type_id")
                    .requiredColumn("name", ColumnType.TEXT)
                    .requiredColumn("provider", ColumnType.TEXT)
                    .keyword("cloud_service_type_id", "name", "group")
                    .minimal("cloud_service_type_id", "name", "group", "provider")
                    .defaultSort("name", false)
                    .build(),
            List.of());

    public static final ResourceKind REGION = new ResourceKind("inventory.Region", "region", "region_id",
            TableSchema.builder("region")
                    .idKey("region_id")
                    .requiredColumn("name", ColumnType.TEXT)
                    .requiredColumn("region_code", ColumnType.TEXT)
                    .requiredColumn("provider", ColumnType.TEXT)
                    .keyword("region_id", "name", "region_code")
                    .minimal("region_id", "name", "region_code", "provider")
                    .defaultSort("region_code", false)
                    .build(),
            List.of("provider", "region_code"));

    public static final ResourceKind CLOUD_SERVICE = new ResourceKind("inventory.CloudService", "cloud-svc", "cloud_service_id",
            TableSchema.builder("cloud_service")
                    .idKey("cloud_service_id")
                    .column("name", ColumnType.TEXT)
                    .requiredColumn("state", ColumnType.TEXT)
                    .requiredColumn("provider", ColumnType.TEXT)
                    .requiredColumn("cloud_service_group", ColumnType.TEXT)
                    .requiredColumn("cloud_service_type", ColumnType.TEXT)
                    .column("account", ColumnType.TEXT)
                    .column("region_code", ColumnType.TEXT)
                    .column("project_id", ColumnType.TEXT)
                    .keyword("cloud_service_id", "name", "ip_addresses", "reference.resource_id")
                    .minimal("cloud_service_id", "name", "state", "provider", "cloud_service_group", "cloud_service_type",
                            "region_code", "account", "project_id")
                    .defaultSort("created_at", false)
                    .build(),
            List.of());

    /** Cloud services that are compute instances (their type is labelled {@code Server}); read-only. */
    public static final ResourceKind SERVER = new ResourceKind("inventory.Server", "cloud-svc", "server_id",
            TableSchema.builder("server_listing")
                    .idKey("server_id")
                    .column("name", ColumnType.TEXT)
                    .requiredColumn("state", ColumnType.TEXT)
                    .requiredColumn("provider", ColumnType.TEXT)
                    .column("account", ColumnType.TEXT)
                    .column("region_code", ColumnType.TEXT)
                    .column("project_id", ColumnType.TEXT)
                    .keyword("server_id", "name", "primary_ip_address")
                    .minimal("server_id", "name", "state", "provider", "region_code", "instance_type", "primary_ip_address",
                            "project_id")
                    .defaultSort("created_at", false)
                    .build(),
            List.of());

    public static final ResourceKind COLLECTOR = new ResourceKind("inventory.Collector", "collector", "collector_id",
            TableSchema.builder("collector")
                    .idKey("collector_id")
                    .requiredColumn("name", ColumnType.TEXT)
                    .column("provider", ColumnType.TEXT)
                    .keyword("collector_id", "name")
                    .minimal("collector_id", "name", "provider", "schedule")
                    .defaultSort("name", false)
                    .build(),
            List.of("name"));

    public static final ResourceKind JOB = new ResourceKind("inventory.Job", "job", "job_id",
            TableSchema.builder("job")
                    .idKey("job_id")
                    .requiredColumn("collector_id", ColumnType.TEXT)
                    .requiredColumn("status", ColumnType.TEXT)
                    .keyword("job_id")
                    .minimal("job_id", "status", "collector_id", "created_at", "finished_at")
                    .defaultSort("created_at", true)
                    .build(),
            List.of());

    public static final ResourceKind JOB_TASK = new ResourceKind("inventory.JobTask", "job-task", "job_task_id",
            TableSchema.builder("job_task")
                    .idKey("job_task_id")
                    .requiredColumn("job_id", ColumnType.TEXT)
                    .requiredColumn("collector_id", ColumnType.TEXT)
                    .column("service_account_id", ColumnType.TEXT)
                    .requiredColumn("status", ColumnType.TEXT)
                    .keyword("job_task_id")
                    .minimal("job_task_id", "status", "job_id", "service_account_id", "created_at", "finished_at")
                    .defaultSort("created_at", false)
                    .build(),
            List.of());

    public static final ResourceKind RECORD = new ResourceKind("inventory.ChangeHistory", "record", "record_id",
            TableSchema.builder("cloud_service_record")
                    .idKey("record_id")
                    .requiredColumn("cloud_service_id", ColumnType.TEXT)
                    .requiredColumn("action", ColumnType.TEXT)
                    .keyword("record_id")
                    .minimal("record_id", "cloud_service_id", "action", "created_at", "updated_by")
                    .defaultSort("created_at", true)
                    .build(),
            List.of());

    public static final ResourceKind NOTE = new ResourceKind("inventory.Note", "note", "note_id",
            TableSchema.builder("cloud_service_note")
                    .idKey("note_id")
                    .requiredColumn("record_id", ColumnType.TEXT)
                    .requiredColumn("cloud_service_id", ColumnType.TEXT)
                    .keyword("note_id", "note")
                    .minimal("note_id", "record_id", "note", "created_by", "created_at")
                    .defaultSort("created_at", false)
                    .build(),
            List.of());

    private InventoryKinds() {
    }
}
