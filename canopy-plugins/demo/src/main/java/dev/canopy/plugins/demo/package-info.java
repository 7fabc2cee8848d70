/**
 * The demo inventory collector ({@code plugin-demo-inven-collector}): a made-up but realistic estate of
 * AWS-, Azure- and Google-Cloud-shaped cloud services that needs no cloud account, deterministic by
 * its options and changing a little at every generation, so Canopy's inventory, change history and
 * garbage collection can be tried and benchmarked. {@link dev.canopy.plugins.demo.DemoCollectorPluginFactory}
 * and {@link dev.canopy.plugins.demo.DemoCollectorPlugin} are its public face; everything else is
 * package-private. Depends on the plugin API only (and the SDK for its runnable jar).
 */
package dev.canopy.plugins.demo;
