package dev.canopy.server.store;

import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * The rows of a statistics query; {@code totalCount} (rows before paging) only when a page limit
 * was asked for, as in Cloudforet.
 */
public record StatResult(List<ObjectNode> results, Long totalCount) {
}
