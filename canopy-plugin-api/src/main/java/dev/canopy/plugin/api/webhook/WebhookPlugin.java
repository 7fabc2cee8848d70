package dev.canopy.plugin.api.webhook;

import dev.canopy.plugin.api.Plugin;

import java.util.Map;
import java.util.stream.Stream;

/**
 * Alert webhook: turns the raw body a monitoring system posted into events. Webhooks carry no secret, so
 * {@link #verify} receives empty secret data.
 */
public interface WebhookPlugin extends Plugin {

    Stream<ParsedEvent> parseEvent(Map<String, Object> options, Map<String, Object> data);
}
