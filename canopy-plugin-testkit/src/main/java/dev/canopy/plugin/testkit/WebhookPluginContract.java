package dev.canopy.plugin.testkit;

import dev.canopy.plugin.api.PluginMetadata;
import dev.canopy.plugin.api.webhook.ParsedEvent;
import dev.canopy.plugin.api.webhook.WebhookPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.canopy.plugin.testkit.ContractAssertions.assertJsonObject;
import static dev.canopy.plugin.testkit.ContractAssertions.assertRejected;
import static dev.canopy.plugin.testkit.ContractAssertions.consume;
import static dev.canopy.plugin.testkit.ContractAssertions.takeOneAndClose;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of an alert webhook: {@code init} metadata is JSON (a {@code duplicate_event_time}, if
 * any, is a non-negative number of seconds); {@code verify} passes with the options (webhooks have no
 * secret); every sample body yields events with a key, a type (ALERT or RECOVERY), a title and a
 * severity among Cloudforet's; parsing the same body twice yields the same keys (they deduplicate
 * alerts); a body the webhook cannot read is rejected; closing the event stream early works.
 */
@Timeout(60)
public abstract class WebhookPluginContract {

    public static final Set<String> EVENT_TYPES = Set.of("ALERT", "RECOVERY");
    public static final Set<String> SEVERITIES = Set.of("CRITICAL", "ERROR", "WARNING", "INFO", "NOT_AVAILABLE", "NONE");

    protected abstract WebhookPlugin plugin();

    protected abstract Map<String, Object> options();

    /** Bodies as the monitoring system posts them; each must yield at least one event. */
    protected abstract List<Map<String, Object>> sampleBodies();

    /** A body the webhook cannot read. */
    protected abstract Map<String, Object> unreadableBody();

    @Test
    void initAnswersJsonMetadata() {
        PluginMetadata metadata = plugin().init(options());
        assertJsonObject("init metadata", metadata.values());
        Object duplicateEventTime = metadata.values().get("duplicate_event_time");
        if (duplicateEventTime != null) {
            assertThat(duplicateEventTime).isInstanceOf(Number.class);
            assertThat(((Number) duplicateEventTime).doubleValue()).isNotNegative();
        }
    }

    @Test
    void verifyPassesWithTheOptions() {
        plugin().verify(options(), Map.of());
    }

    @Test
    void everySampleBodyYieldsWellFormedEvents() {
        WebhookPlugin plugin = plugin();
        for (Map<String, Object> body : sampleBodies()) {
            List<ParsedEvent> events = consume("events", plugin.parseEvent(options(), body), 10_000);
            assertThat(events).as("events of " + body).isNotEmpty();
            for (ParsedEvent event : events) {
                String where = "event " + event.eventKey();
                assertThat(event.eventKey()).as(where + " key").isNotBlank();
                assertThat(EVENT_TYPES).as(where + " type").contains(event.eventType());
                assertThat(event.title()).as(where + " title").isNotBlank();
                if (event.severity() != null) {
                    assertThat(SEVERITIES).as(where + " severity").contains(event.severity());
                }
                assertJsonObject(where + " resource", event.resource());
                assertJsonObject(where + " additional_info", event.additionalInfo());
            }
        }
    }

    @Test
    void theSameBodyYieldsTheSameEventKeys() {
        WebhookPlugin plugin = plugin();
        for (Map<String, Object> body : sampleBodies()) {
            List<String> first = consume("events", plugin.parseEvent(options(), body), 10_000).stream().map(ParsedEvent::eventKey).toList();
            List<String> second = consume("events", plugin.parseEvent(options(), body), 10_000).stream().map(ParsedEvent::eventKey).toList();
            assertThat(second).isEqualTo(first);
        }
    }

    @Test
    void anUnreadableBodyIsRejected() {
        assertRejected("an unreadable body",
                () -> consume("events", plugin().parseEvent(options(), unreadableBody()), 10_000));
    }

    @Test
    void closingTheEventStreamEarlyStopsIt() {
        WebhookPlugin plugin = plugin();
        takeOneAndClose(plugin.parseEvent(options(), sampleBodies().get(0)));
        plugin.verify(options(), Map.of());
    }
}
