package dev.canopy.plugins.kubernetes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cloud service type's console view, Cloudforet's dynamic layouts: the table's columns, the search keys
 * and the detail tab. Keys are dotted paths into the cloud service ({@code data.phase}).
 */
record TypeView(List<Field> table, List<Field> search, List<Field> details) {

    /** A column or detail row; {@code type} is a dynamic field type ({@code text}, {@code datetime}, ...), or null for text. */
    record Field(String key, String name, String type) {

        static Field text(String key, String name) {
            return new Field(key, name, null);
        }

        Map<String, Object> toJson(boolean withType) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("key", key);
            field.put("name", name);
            if (withType && type != null) {
                field.put("type", type);
            }
            return field;
        }
    }

    /** The type's {@code metadata}: {@code {view: {table, search, sub_data}}}. */
    Map<String, Object> metadata(String typeName) {
        Map<String, Object> layout = new LinkedHashMap<>();
        layout.put("name", typeName);
        layout.put("type", "query-search-table");
        layout.put("options", Map.of("fields", fields(table, true)));

        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("name", typeName);
        detail.put("type", "item");
        detail.put("options", Map.of("fields", fields(details, false)));

        Map<String, Object> view = new LinkedHashMap<>();
        view.put("table", Map.of("layout", layout));
        view.put("search", fields(search, false));
        view.put("sub_data", Map.of("layouts", List.of(detail)));
        return Map.of("view", view);
    }

    private static List<Object> fields(List<Field> fields, boolean withType) {
        List<Object> json = new ArrayList<>();
        fields.forEach(field -> json.add(field.toJson(withType)));
        return json;
    }
}
