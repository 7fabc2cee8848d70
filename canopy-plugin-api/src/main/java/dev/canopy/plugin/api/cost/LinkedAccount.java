package dev.canopy.plugin.api.cost;

/** An account billed under the data source's credentials. */
public record LinkedAccount(String accountId, String name) {
}
