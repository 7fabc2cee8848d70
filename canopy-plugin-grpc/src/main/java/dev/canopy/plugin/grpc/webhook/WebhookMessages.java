package dev.canopy.plugin.grpc.webhook;

import dev.canopy.plugin.api.webhook.ParsedEvent;
import dev.canopy.plugin.grpc.JsonStructs;
import dev.canopy.plugin.proto.ParseEventResponse;

import java.util.ArrayList;
import java.util.List;

import static dev.canopy.plugin.grpc.internal.WireValues.instant;
import static dev.canopy.plugin.grpc.internal.WireValues.orNull;
import static dev.canopy.plugin.grpc.internal.WireValues.timestamp;

/** Webhook events to messages and back; decoding rejects an event without key, type or title. */
final class WebhookMessages {

    private WebhookMessages() {
    }

    static dev.canopy.plugin.proto.ParsedEvent encodeEvent(ParsedEvent event) {
        dev.canopy.plugin.proto.ParsedEvent.Builder message = dev.canopy.plugin.proto.ParsedEvent.newBuilder()
                .setEventKey(event.eventKey())
                .setEventType(event.eventType())
                .setTitle(event.title())
                .setResource(JsonStructs.toStruct(event.resource()))
                .setAdditionalInfo(JsonStructs.toStruct(event.additionalInfo()));
        if (event.description() != null) {
            message.setDescription(event.description());
        }
        if (event.severity() != null) {
            message.setSeverity(event.severity());
        }
        if (event.rule() != null) {
            message.setRule(event.rule());
        }
        if (event.occurredAt() != null) {
            message.setOccurredAt(timestamp(event.occurredAt()));
        }
        return message.build();
    }

    static List<ParsedEvent> decodeBatch(ParseEventResponse response) {
        List<ParsedEvent> events = new ArrayList<>(response.getEventsCount());
        for (dev.canopy.plugin.proto.ParsedEvent event : response.getEventsList()) {
            if (event.getEventKey().isEmpty() || event.getEventType().isEmpty() || event.getTitle().isEmpty()) {
                throw new IllegalArgumentException("event without event_key, event_type or title");
            }
            events.add(new ParsedEvent(event.getEventKey(), event.getEventType(), event.getTitle(),
                    orNull(event.hasDescription(), event.getDescription()), orNull(event.hasSeverity(), event.getSeverity()),
                    JsonStructs.toMap(event.getResource()), orNull(event.hasRule(), event.getRule()),
                    event.hasOccurredAt() ? instant(event.getOccurredAt()) : null,
                    JsonStructs.toMap(event.getAdditionalInfo())));
        }
        return events;
    }
}
