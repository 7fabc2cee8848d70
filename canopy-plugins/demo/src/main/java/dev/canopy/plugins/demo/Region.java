package dev.canopy.plugins.demo;

import java.util.List;

/**
 * A region of one of the demo's clouds, with the zones resources are placed in and a weight: how many
 * more resources it holds than the lightest region.
 */
record Region(String code, String name, List<String> zones, int weight) {
}
