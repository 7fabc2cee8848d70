package dev.canopy.server.store;

import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/** One page of documents and how many matched before paging; the shape of every {@code list} response. */
public record ListResult(List<ObjectNode> results, long totalCount) {
}
