/**
 * The Kubernetes inventory collector ({@code plugin-kubernetes-inven-collector}, provider {@code kubernetes}):
 * reads a cluster's namespaces, nodes, pods, deployments and services with the fabric8 client and streams
 * them as Cloudforet cloud services. Owns the mapping of those objects to items; exposes only the plugin and
 * its factory. Depends on the plugin API, the SDK (for its runnable jar) and the fabric8 client.
 */
package dev.canopy.plugins.kubernetes;
