package dev.canopy.plugin.grpc;

import com.google.protobuf.Value;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonStructsTest {

    @Test
    void integralNumbersWithinLongRangeComeBackAsLongs() {
        assertThat(roundTrip(5)).isEqualTo(5L);
        assertThat(roundTrip(5.0)).isEqualTo(5L);
        assertThat(roundTrip(-42L)).isEqualTo(-42L);
        assertThat(roundTrip(1L << 53)).isEqualTo(1L << 53);
        assertThat(roundTrip(-0x1p63)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void otherNumbersStayDoubles() {
        assertThat(roundTrip(2.5)).isEqualTo(2.5);
        assertThat(roundTrip(0x1p63)).isEqualTo(0x1p63);
        assertThat(roundTrip(1e300)).isEqualTo(1e300);
        assertThat(roundTrip(-0.0)).isEqualTo(-0.0);
        assertThat(roundTrip(Double.NaN)).isEqualTo(Double.NaN);
    }

    @Test
    void nestedValuesKeepTheirShapeAndOrder() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", "last letter first");
        map.put("a", Arrays.asList(null, true, "x", Map.of("k", List.of())));
        map.put("m", Map.of());
        Map<String, Object> decoded = JsonStructs.toMap(JsonStructs.toStruct(map));
        assertThat(decoded).isEqualTo(map);
        assertThat(decoded.keySet()).containsExactly("z", "a", "m");
    }

    @Test
    void nonJsonValuesAreRefused() {
        assertThatThrownBy(() -> JsonStructs.toValue(java.time.Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonStructs.toValue(Map.of(1, "x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonStructs.toObject(Value.getDefaultInstance())).isInstanceOf(IllegalArgumentException.class);
    }

    private static Object roundTrip(Object value) {
        return JsonStructs.toObject(JsonStructs.toValue(value));
    }
}
