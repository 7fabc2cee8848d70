package dev.canopy.server.inventory;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Inventory settings.
 *
 * @param workers        collection tasks one instance with the worker role runs at once
 * @param batchSize      collected items merged per transaction
 * @param deleteAfter    runs in a row that miss a cloud service before it is DELETED (DISCONNECTED before)
 * @param pollInterval   how often idle workers look for pending tasks
 * @param heartbeat      how often a running task tells it is alive
 * @param staleAfter     a task whose heartbeat is older than this lost its worker: retried or failed
 * @param maxAttempts    how often a task whose worker died is tried in all
 */
@ConfigurationProperties("canopy.inventory")
public record InventoryProperties(@DefaultValue("2") int workers,
                                  @DefaultValue("500") int batchSize,
                                  @DefaultValue("3") int deleteAfter,
                                  @DefaultValue("1s") Duration pollInterval,
                                  @DefaultValue("10s") Duration heartbeat,
                                  @DefaultValue("60s") Duration staleAfter,
                                  @DefaultValue("2") int maxAttempts) {
}
