package dev.canopy.plugin.api.cost;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/** One cost line, as Cloudforet's {@code CostInfo}; {@code cost} and {@code billedDate} are required. */
public record CostRow(
        double cost,
        Double usageQuantity,
        String usageUnit,
        String provider,
        String regionCode,
        String product,
        String usageType,
        String resource,
        LocalDate billedDate,
        Map<String, String> tags,
        Map<String, Object> additionalInfo,
        Map<String, Object> data) {

    public CostRow {
        Objects.requireNonNull(billedDate, "billedDate");
        tags = tags == null ? Map.of() : tags;
        additionalInfo = additionalInfo == null ? Map.of() : additionalInfo;
        data = data == null ? Map.of() : data;
    }
}
