/**
 * The example collector ({@code plugin-example-inven-collector}, provider {@code example}): a plugin built
 * with the SDK, deterministic by its options, used to try Canopy out, by the server's tests (as a separate
 * process from its runnable jar) and by the plugin benchmark. Depends on the plugin API and the SDK.
 */
package dev.canopy.plugin.example;
