package dev.canopy.plugin.grpc;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBytesTest {

    @Test
    void theHostWritesTheSameJsonAsForThePluginsOwnMap() {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("int", 5);
        resource.put("long", 5_000_000_000L);
        resource.put("whole_double", 29.0);
        resource.put("fraction", 2.5);
        resource.put("nested", Map.of("list", Arrays.asList(1, 2.25, "three", true, null)));
        resource.put("nothing", null);
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Object> decoded = JsonBytes.toMap(JsonBytes.toBytes(resource));
        assertThat(json.writeValueAsString(decoded)).isEqualTo(json.writeValueAsString(resource));
        assertThat(decoded.get("int")).isEqualTo(5L);
        assertThat(decoded.get("whole_double")).isEqualTo(29.0);
        assertThat(decoded.keySet()).containsExactly("int", "long", "whole_double", "fraction", "nested", "nothing");
    }

    @Test
    void onlyAJsonObjectIsAccepted() {
        assertThat(JsonBytes.toMap(JsonBytes.toBytes(null))).isEmpty();
        assertThatThrownBy(() -> JsonBytes.toMap(ByteString.copyFromUtf8("[1, 2]"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonBytes.toMap(ByteString.copyFromUtf8("{\"a\": "))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonBytes.toMap(ByteString.copyFromUtf8("null"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(JsonBytes.toMap(ByteString.copyFromUtf8("{\"a\": [1, {\"b\": 2.5}]}")))
                .isEqualTo(Map.of("a", List.of(1L, Map.of("b", 2.5))));
    }
}
