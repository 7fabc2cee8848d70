/**
 * Cloudforet's repository service: the registry of plugins ({@code repository.Plugin}) every domain
 * chooses from. Built-in plugins and plugin jars register themselves at start; remote endpoints and
 * managed artifacts are registered by administrators of the root domain, since the server connects
 * to the former and runs the latter. {@link dev.canopy.server.repository.PluginRegistry} is the API
 * the plugin runtime reads. Depends on the {@code api} and {@code store} modules.
 */
package dev.canopy.server.repository;
