package dev.canopy.server.store;

import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * The rows of an analyze query; {@code more} (whether rows remain past the page) only when a page
 * limit was asked for, as in Cloudforet.
 */
public record AnalyzeResult(List<ObjectNode> results, Boolean more) {
}
