package dev.canopy.plugins.aws;

import dev.canopy.plugin.api.collector.CollectedResource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One kind of AWS resource as Cloudforet's inventory knows it (group and type), with the view metadata a
 * console lays its table, search and detail tab out with.
 *
 * @param columns  table columns and detail fields: {@code key} is a dotted path into the cloud service
 * @param searches search keys, {@code [key, name]} pairs
 */
record CloudServiceType(
        String group,
        String name,
        String serviceCode,
        boolean primary,
        boolean major,
        List<String> labels,
        List<Column> columns,
        List<Column> searches) {

    static final String PROVIDER = "aws";
    static final List<List<String>> MATCH_RULES = List.of(List.of("name", "group", "provider"));

    /** A field of a dynamic layout; {@code type} is null for plain text. */
    record Column(String key, String name, String type) {

        static Column text(String key, String name) {
            return new Column(key, name, null);
        }

        static Column of(String key, String name, String type) {
            return new Column(key, name, type);
        }

        Map<String, Object> toJson() {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("key", key);
            field.put("name", name);
            if (type != null) {
                field.put("type", type);
            }
            return field;
        }
    }

    /** The {@code inventory.CloudServiceType} item. */
    CollectedResource item() {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", name);
        resource.put("group", group);
        resource.put("provider", PROVIDER);
        resource.put("service_code", serviceCode);
        resource.put("is_primary", primary);
        resource.put("is_major", major);
        resource.put("resource_type", "inventory.CloudService");
        resource.put("labels", labels);
        resource.put("tags", Map.of());
        resource.put("metadata", Map.of("view", view()));
        return CollectedResource.success("inventory.CloudServiceType", MATCH_RULES, resource);
    }

    private Map<String, Object> view() {
        List<Object> tableFields = new ArrayList<>();
        List<Object> detailFields = new ArrayList<>();
        for (Column column : columns) {
            tableFields.add(column.toJson());
            detailFields.add(Map.of("key", column.key(), "name", column.name()));
        }
        List<Object> searchFields = new ArrayList<>();
        for (Column search : searches) {
            searchFields.add(Map.of("key", search.key(), "name", search.name()));
        }
        Map<String, Object> table = Map.of("layout", Map.of(
                "name", name,
                "type", "query-search-table",
                "options", Map.of("fields", tableFields)));
        Map<String, Object> subData = Map.of("layouts", List.of(Map.of(
                "name", name,
                "type", "item",
                "options", Map.of("fields", detailFields))));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("table", table);
        view.put("search", searchFields);
        view.put("sub_data", subData);
        return view;
    }
}
