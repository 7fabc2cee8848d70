package dev.canopy.plugin.api.webhook;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One event out of a webhook body, as Cloudforet's {@code EventInfo}.
 *
 * @param eventKey  deduplication key: events with the same key belong to the same alert
 * @param eventType ALERT or RECOVERY
 * @param severity  CRITICAL, ERROR, WARNING, INFO, NOT_AVAILABLE or NONE
 * @param resource  {@code {resource_id, name, resource_type}} of the affected resource, may be empty
 */
public record ParsedEvent(
        String eventKey,
        String eventType,
        String title,
        String description,
        String severity,
        Map<String, Object> resource,
        String rule,
        Instant occurredAt,
        Map<String, Object> additionalInfo) {

    public ParsedEvent {
        Objects.requireNonNull(eventKey, "eventKey");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(title, "title");
        resource = resource == null ? Map.of() : resource;
        additionalInfo = additionalInfo == null ? Map.of() : additionalInfo;
    }
}
